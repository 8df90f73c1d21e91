/**
 * The wire between the shell's process (the Electron double, electron.ts) and the test process
 * (host.ts), over the child's IPC channel with structured-clone serialization.
 */

export type MenuItemData = {
  id?: string;
  label?: string;
  type: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  enabled: boolean;
  clickable: boolean;
  submenu?: MenuItemData[];
};

/** Everything the double saw the shell do, in order. */
export type ShellRecord =
  | { type: 'app.ready' }
  | { type: 'app.quit' }
  | { type: 'app.exit'; code: number }
  | { type: 'app.loginItem'; openAtLogin: boolean }
  | { type: 'app.singleInstance'; acquired: boolean }
  | { type: 'tray.create'; image: ImageData }
  | { type: 'tray.image'; image: ImageData }
  | { type: 'tray.tooltip'; text: string }
  | { type: 'tray.menu'; items: MenuItemData[] }
  | { type: 'tray.destroy' }
  | { type: 'notification.show'; id: number; title: string; body: string; actions: string[]; icon?: string }
  | { type: 'notification.close'; id: number }
  | { type: 'openExternal'; url: string }
  | { type: 'clipboard.write'; text: string }
  | { type: 'clipboard.clear' }
  | { type: 'window.create'; id: number; options: WindowOptionsData }
  | { type: 'window.show' | 'window.hide' | 'window.focus' | 'window.closed'; id: number }
  | { type: 'window.position'; id: number; x: number; y: number };

export type ImageData = { path: string; exists: boolean; template: boolean };

export type WindowOptionsData = {
  width?: number;
  height?: number;
  show?: boolean;
  webPreferences: Record<string, unknown>;
};

export type FrameData = { url: string; top: boolean };

/** Host → shell: requests, answered by a `reply` with the same id. */
export type HostRequest =
  | { op: 'tray.click' }
  | { op: 'tray.menuClick'; path: string[] }
  | { op: 'notification.click'; id: number }
  | { op: 'notification.action'; id: number; index: number }
  | { op: 'emit'; target: 'powerMonitor' | 'app'; event: string }
  | { op: 'window.blur'; id: number }
  | { op: 'quit' }
  | { op: 'clock.advance'; ms: number }
  | { op: 'invoke'; windowId: number; channel: string; args: unknown[]; frame: FrameData }
  | { op: 'window.loaded'; id: number };

export type ToShell = { t: 'req'; id: number; req: HostRequest };

export type ToHost =
  | { t: 'rec'; rec: ShellRecord }
  | { t: 'reply'; id: number; ok: true; value: unknown }
  | { t: 'reply'; id: number; ok: false; error: string }
  | { t: 'window.load'; id: number; url: string; preload: string | undefined }
  | { t: 'window.send'; id: number; channel: string; args: unknown[] }
  | { t: 'window.destroy'; id: number }
  | { t: 'served'; origin: string };
