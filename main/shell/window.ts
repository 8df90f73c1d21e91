/**
 * The tray window: frameless, hidden until the tray is clicked, with every hardening from
 * security-config.ts applied. It can only ever show lanyard://app/index.html.
 */
import { BrowserWindow, app, nativeTheme, session } from './electron';
import { createLogger } from '../log/logger';
import {
  RENDERER_URL,
  denyWindowOpen,
  permissionCheckHandler,
  permissionRequestHandler,
  trayWindowOptions,
} from './security-config';

const log = createLogger('shell.window');

/** Session-wide: also covers any webContents Electron creates behind our back. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  // No downloads: nothing in the window links to a file.
  ses.on('will-download', (event) => event.preventDefault());
  // Belt and braces for any webContents besides ours (DevTools, a future window): same denials.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(denyWindowOpen);
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function createTrayWindow(opts: { preloadPath: string; devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow(
    trayWindowOptions(opts.preloadPath, {
      devTools: opts.devTools,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    }),
  );
  const wc = win.webContents;
  // A single-page app never navigates: links and drops that try are refused (and logged).
  wc.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn('navigation denied', { url });
  });
  wc.on('will-redirect', (event) => event.preventDefault());
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(denyWindowOpen);
  // Keep the window on the current desktop/space instead of pulling the person elsewhere.
  win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  void win.loadURL(RENDERER_URL);
  return win;
}
