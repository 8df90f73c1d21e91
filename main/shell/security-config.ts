/**
 * The tray window's security posture, in one pure module (type-only Electron imports) so
 * test/main/shell/security-checklist.test.ts can import it and fail when an item regresses.
 * docs/security.md explains each choice.
 */
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  HandlerDetails,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The renderer is served from a custom, standard, secure scheme rather than file://: it has a real
 * origin (so the sender check and CSP 'self' mean "our bundle" and not "any local file") and lets
 * us send the CSP as a response header too (Electron security checklist, item 18).
 */
export const APP_SCHEME = 'lanyard';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  // standard + secure: module scripts and 'self' work as on https; no bypassCSP, no CORS, no streams.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Same policy as the renderer's meta tag; the header also covers frame-ancestors, which meta cannot. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response of the app scheme. */
export const responseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export const WINDOW_SIZE = { width: 380, height: 560 } as const;

/** webPreferences for every window Lanyard opens (there is one). */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

/** A frameless tray popover: no taskbar entry, no resize, hidden until the tray is clicked. */
export function trayWindowOptions(
  preloadPath: string,
  opts: { devTools?: boolean; backgroundColor?: string } = {},
): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    // Paint the OS background first so a dark desktop never flashes white.
    backgroundColor: opts.backgroundColor ?? '#1e1e1e',
    webPreferences: secureWebPreferences(preloadPath, opts.devTools ?? false),
  };
}

/** setWindowOpenHandler: the renderer never opens windows; links go through main's opener. */
export function denyWindowOpen(_details: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** No web permission (camera, notifications, clipboard-read, geolocation...) is ever granted. */
export const grantedPermissions: readonly string[] = [];

export function permissionRequestHandler(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(grantedPermissions.includes(permission));
}

export function permissionCheckHandler(_webContents: unknown, permission: string): boolean {
  return grantedPermissions.includes(permission);
}

/**
 * IPC comes only from our own renderer's top document: the app scheme, our host, index.html.
 * Query and hash are ignored because the renderer may use them for its own routing.
 */
export function isTrustedSender(url: string | undefined | null): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html';
}

/**
 * Maps an app-scheme URL to a file inside the built renderer folder, or null (→ 404).
 * Refuses other hosts, encoded traversal (`%2e%2e`), absolute paths and anything outside `root`.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const rel = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(join(base, rel));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

const mimeTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  ico: 'image/x-icon',
};

/** Content type by extension; nosniff makes it matter, so unknown files are opaque bytes. */
export function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return mimeTypes[ext] ?? 'application/octet-stream';
}
