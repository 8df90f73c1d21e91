/**
 * The part of Electron's API that main/shell (and electron-store) use, as `Pick`s of Electron's own
 * .d.ts. test/tsconfig.json maps the `electron` specifier to THIS file, so `tsc -p test` checks
 * main/shell against it (see surface-check.ts): the day the shell calls something that is not
 * picked here, the typecheck fails, and the runtime double (electron.ts) must implement it, because
 * electron.ts is typed against these same Picks.
 */
/// <reference path="../../../node_modules/electron/electron.d.ts" />

export type App = Pick<
  Electron.App,
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'isPackaged'
  | 'getAppPath'
  | 'getPath'
  | 'getVersion'
  | 'setLoginItemSettings'
> & {
  dock?: Pick<Electron.Dock, 'hide'>;
  on(event: 'second-instance', listener: (event: Electron.Event, argv: string[], cwd: string) => void): App;
  on(event: 'window-all-closed', listener: () => void): App;
  on(event: 'before-quit', listener: (event: Electron.Event) => void): App;
  on(event: 'web-contents-created', listener: (event: Electron.Event, contents: WebContents) => void): App;
};

export type WebContents = Pick<Electron.WebContents, 'send' | 'isDestroyed' | 'setWindowOpenHandler'> & {
  on(event: 'will-navigate', listener: (event: Electron.Event, url: string) => void): WebContents;
  on(event: 'will-redirect' | 'will-attach-webview', listener: (event: Electron.Event) => void): WebContents;
};

export type BrowserWindow = Pick<
  Electron.BrowserWindow,
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'setPosition'
  | 'getSize'
  | 'loadURL'
  | 'setVisibleOnAllWorkspaces'
> & {
  readonly webContents: WebContents;
  on(event: 'close', listener: (event: Electron.Event) => void): BrowserWindow;
  on(event: 'closed' | 'blur', listener: () => void): BrowserWindow;
};
export type BrowserWindowConstructor = new (options: Electron.BrowserWindowConstructorOptions) => BrowserWindow;

export type Tray = Pick<
  Electron.Tray,
  'setImage' | 'setToolTip' | 'setContextMenu' | 'setIgnoreDoubleClickEvents' | 'getBounds' | 'destroy'
> & { on(event: 'click', listener: () => void): Tray };
export type TrayConstructor = new (image: NativeImage) => Tray;

export type NativeImage = Pick<Electron.NativeImage, 'setTemplateImage'>;
export type Menu = object;
export type MenuStatic = { buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Menu };

export type Notification = Pick<Electron.Notification, 'show' | 'close'> & {
  on(event: 'click' | 'close', listener: () => void): Notification;
  on(event: 'action', listener: (event: Electron.Event, index: number) => void): Notification;
};
export type NotificationConstructor = {
  new (options: Electron.NotificationConstructorOptions): Notification;
  isSupported(): boolean;
};

export type IpcMainInvokeEvent = {
  sender: WebContents;
  senderFrame: Pick<Electron.WebFrameMain, 'url' | 'origin' | 'parent'> | null;
};
export type IpcMain = {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: { returnValue: unknown }, ...args: unknown[]) => void): IpcMain;
};

export type Protocol = Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
export type Session = Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  on(event: 'will-download', listener: (event: Electron.Event) => void): Session;
};
export type SessionStatic = { readonly defaultSession: Session };
export type Shell = Pick<Electron.Shell, 'openExternal' | 'openPath'>;
export type Clipboard = Pick<Electron.Clipboard, 'writeText' | 'readText' | 'clear'>;
export type PowerMonitor = { on(event: 'resume' | 'suspend', listener: () => void): PowerMonitor };
export type NativeTheme = Pick<Electron.NativeTheme, 'shouldUseDarkColors'>;
export type Screen = Pick<Electron.Screen, 'getCursorScreenPoint'> & {
  // The popover reads only these two fields; a wider use fails the typecheck here.
  getDisplayNearestPoint(point: Electron.Point): Pick<Electron.Display, 'bounds' | 'workArea'>;
};

/** What the double's module exports; electron.ts is checked against it member by member. */
export type ShellElectron = {
  app: App;
  BrowserWindow: BrowserWindowConstructor;
  Tray: TrayConstructor;
  Menu: MenuStatic;
  nativeImage: { createFromPath(path: string): NativeImage };
  Notification: NotificationConstructor;
  ipcMain: IpcMain;
  protocol: Protocol;
  session: SessionStatic;
  shell: Shell;
  clipboard: Clipboard;
  powerMonitor: PowerMonitor;
  nativeTheme: NativeTheme;
  screen: Screen;
};

// The value side of the mapped `electron` module (types only: never executed).
export declare const app: App;
export declare const BrowserWindow: BrowserWindowConstructor;
export declare const Tray: TrayConstructor;
export declare const Menu: MenuStatic;
export declare const nativeImage: ShellElectron['nativeImage'];
export declare const Notification: NotificationConstructor;
export declare const ipcMain: IpcMain;
export declare const protocol: Protocol;
export declare const session: SessionStatic;
export declare const shell: Shell;
export declare const clipboard: Clipboard;
export declare const powerMonitor: PowerMonitor;
export declare const nativeTheme: NativeTheme;
export declare const screen: Screen;
declare const electron: ShellElectron;
export default electron;

// Types the shell imports by name, straight from Electron.
export type MenuItemConstructorOptions = Electron.MenuItemConstructorOptions;
export type BrowserWindowConstructorOptions = Electron.BrowserWindowConstructorOptions;
export type CustomScheme = Electron.CustomScheme;
export type HandlerDetails = Electron.HandlerDetails;
export type WebPreferences = Electron.WebPreferences;
export type WindowOpenHandlerResponse = Electron.WindowOpenHandlerResponse;
export type Rectangle = Electron.Rectangle;

// The preload's side (it runs in the page; see preload-shim.ts).
export type ContextBridge = Pick<Electron.ContextBridge, 'exposeInMainWorld'>;
export type IpcRenderer = Pick<Electron.IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
export declare const contextBridge: ContextBridge;
export declare const ipcRenderer: IpcRenderer;
