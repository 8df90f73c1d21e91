/**
 * The part of Electron's API the shell may use, as `Pick`s of Electron's own .d.ts. Shell modules
 * import Electron only through ./electron (typed by this file), so `tsc -p main` fails when the
 * shell reaches for a member that is not picked here; and the Electron double
 * (test/support/electron-double) is typed against the same picks, so `tsc -p test` fails until the
 * double implements what was added. Types only: nothing here runs.
 */
/// <reference types="electron" />

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
  on(event: 'will-redirect', listener: (event: Electron.Event) => void): WebContents;
  on(event: 'will-attach-webview', listener: (event: Electron.Event) => void): WebContents;
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
  on(event: 'closed', listener: () => void): BrowserWindow;
  on(event: 'blur', listener: () => void): BrowserWindow;
};
export type BrowserWindowConstructor = new (options: Electron.BrowserWindowConstructorOptions) => BrowserWindow;

export type Tray = Pick<Electron.Tray, 'setToolTip' | 'setIgnoreDoubleClickEvents' | 'getBounds' | 'destroy'> & {
  // Narrowed to the surface's image and menu, which is all the shell ever makes.
  setImage(image: NativeImage | string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): Tray;
};
export type TrayConstructor = new (image: NativeImage) => Tray;

export type NativeImage = Pick<Electron.NativeImage, 'setTemplateImage'>;
/** Opaque: the shell only builds menus and hands them to the tray. */
export type Menu = object;
export type MenuStatic = { buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Menu };

export type Notification = Pick<Electron.Notification, 'show' | 'close'> & {
  on(event: 'click', listener: () => void): Notification;
  on(event: 'close', listener: () => void): Notification;
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
// openPath and getPath/getVersion/ipcMain.on are electron-store's, which imports electron itself.
export type Shell = Pick<Electron.Shell, 'openExternal' | 'openPath'>;
export type Clipboard = Pick<Electron.Clipboard, 'writeText' | 'readText' | 'clear'>;
export type PowerMonitor = {
  on(event: 'resume', listener: () => void): PowerMonitor;
  on(event: 'suspend', listener: () => void): PowerMonitor;
};
export type NativeTheme = Pick<Electron.NativeTheme, 'shouldUseDarkColors'>;
export type Screen = Pick<Electron.Screen, 'getCursorScreenPoint'> & {
  // The popover reads only these two fields; a wider use fails the typecheck here.
  getDisplayNearestPoint(point: Electron.Point): Pick<Electron.Display, 'bounds' | 'workArea'>;
};

/** What the shell may take from `electron` (main process). */
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

// Types the shell imports by name, straight from Electron.
export type MenuItemConstructorOptions = Electron.MenuItemConstructorOptions;
export type BrowserWindowConstructorOptions = Electron.BrowserWindowConstructorOptions;
export type CustomScheme = Electron.CustomScheme;
export type HandlerDetails = Electron.HandlerDetails;
export type WebPreferences = Electron.WebPreferences;
export type WindowOpenHandlerResponse = Electron.WindowOpenHandlerResponse;
export type Rectangle = Electron.Rectangle;

// The preload's side (the double runs it in the page with test/support/electron-double/preload-shim.ts).
export type ContextBridge = Pick<Electron.ContextBridge, 'exposeInMainWorld'>;
export type IpcRenderer = Pick<Electron.IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
export type PreloadElectron = { contextBridge: ContextBridge; ipcRenderer: IpcRenderer };
