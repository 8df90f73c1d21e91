/**
 * Windows, webContents, ipcMain, protocol and session. A BrowserWindow here is a record plus a
 * real Chromium page that the TEST process opens (host.ts): the page is served over
 * http://127.0.0.1:PORT by calling the shell's own `protocol.handle` handler, and its IPC comes
 * back here as `invoke` requests with the frame's URL mapped back to the app scheme, so the
 * shell's sender check sees what Electron would show it.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as S from '../../../../main/shell/electron-surface';
import { onRequest, record, send } from './link';

let ready = false;
export function markReady(): void {
  ready = true;
}

/** Electron's Event: only preventDefault matters to the shell. */
export function makeEvent(): Electron.Event & { defaultPrevented: boolean } {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

const privileged: Electron.CustomScheme[] = [];
const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

export const protocol: S.Protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before app ready');
    privileged.push(...schemes);
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle may only be used after app ready');
    if (handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    handlers.set(scheme, handler);
  },
};

/** The app scheme's origin (lanyard://app) ↔ the local server's origin. */
let served: { scheme: string; host: string; origin: string; server: Server } | undefined;

async function serve(scheme: string, host: string): Promise<string> {
  if (served) return served.origin;
  const server = createServer((req, res) => {
    void (async () => {
      const handler = handlers.get(scheme);
      if (!handler) {
        res.writeHead(502).end('no protocol handler (Electron: ERR_UNKNOWN_URL_SCHEME)');
        return;
      }
      const response = await handler(new Request(`${scheme}://${host}${req.url ?? '/'}`, { method: req.method }));
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: unknown) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  served = { scheme, host, origin, server };
  send({ t: 'served', origin });
  return origin;
}

export function toAppUrl(url: string): string {
  if (!served || !url.startsWith(`${served.origin}/`)) return url;
  return `${served.scheme}://${served.host}${url.slice(served.origin.length)}`;
}

export function stopServing(): Promise<void> {
  const s = served;
  served = undefined;
  if (!s) return Promise.resolve();
  s.server.closeAllConnections();
  return new Promise((ok) => s.server.close(() => ok()));
}

type InvokeHandler = (event: S.IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();
const ipcListeners = new EventEmitter();

export const ipcMain: S.IpcMain = {
  handle(channel, listener) {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener);
  },
  removeHandler(channel) {
    invokeHandlers.delete(channel);
  },
  on(channel, listener) {
    ipcListeners.on(channel, listener);
    return ipcMain;
  },
};

export const appEvents = new EventEmitter();
const windows = new Map<number, BrowserWindowDouble>();
let nextWindow = 1;

class WebContentsDouble extends EventEmitter implements S.WebContents {
  destroyed = false;
  openHandler: ((d: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | undefined;
  constructor(readonly windowId: number) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    send({ t: 'window.send', id: this.windowId, channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(h: (d: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.openHandler = h;
  }
}

class BrowserWindowDouble extends EventEmitter implements S.BrowserWindow {
  readonly id = nextWindow++;
  readonly webContents: WebContentsDouble;
  private visible: boolean;
  private position: [number, number] = [0, 0];
  private readonly size: [number, number];
  private loaded: (() => void) | undefined;
  constructor(private readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.webContents = new WebContentsDouble(this.id);
    this.visible = options.show ?? true;
    this.size = [options.width ?? 800, options.height ?? 600];
    windows.set(this.id, this);
    const { width, height, show } = options;
    const webPreferences = { ...(options.webPreferences ?? {}) } as Record<string, unknown>;
    record({ type: 'window.create', id: this.id, options: { width, height, show, webPreferences } });
    appEvents.emit('web-contents-created', makeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    const u = new URL(url);
    const scheme = u.protocol.replace(/:$/, '');
    if (!privileged.some((p) => p.scheme === scheme)) throw new Error(`ERR_UNKNOWN_URL_SCHEME: ${url}`);
    const origin = await serve(scheme, u.host);
    const done = new Promise<void>((ok) => (this.loaded = ok));
    send({
      t: 'window.load',
      id: this.id,
      url: `${origin}${u.pathname}${u.search}${u.hash}`,
      preload: this.options.webPreferences?.preload,
    });
    return done;
  }
  pageLoaded(): void {
    this.loaded?.();
    this.loaded = undefined;
  }
  show(): void {
    this.visible = true;
    record({ type: 'window.show', id: this.id });
  }
  hide(): void {
    this.visible = false;
    record({ type: 'window.hide', id: this.id });
  }
  focus(): void {
    record({ type: 'window.focus', id: this.id });
  }
  isVisible(): boolean {
    return this.visible;
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y];
    record({ type: 'window.position', id: this.id, x, y });
  }
  getSize(): number[] {
    return [...this.size];
  }
  setVisibleOnAllWorkspaces(): void {}
  /** Electron's close: 'close' may be prevented; then 'closed' and the webContents is gone. */
  tryClose(): boolean {
    const e = makeEvent();
    this.emit('close', e);
    if (e.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  destroy(): void {
    if (this.webContents.destroyed) return;
    this.webContents.destroyed = true;
    windows.delete(this.id);
    send({ t: 'window.destroy', id: this.id });
    record({ type: 'window.closed', id: this.id });
    this.emit('closed');
  }
}
export const BrowserWindow: S.BrowserWindowConstructor = BrowserWindowDouble;

export function allWindows(): BrowserWindowDouble[] {
  return [...windows.values()];
}

function windowById(id: number): BrowserWindowDouble {
  const w = windows.get(id);
  if (!w) throw new Error(`window ${id} is closed`);
  return w;
}
onRequest('window.loaded', (r) => windowById(r.id).pageLoaded());
onRequest('window.blur', (r) => void windowById(r.id).emit('blur'));
onRequest('invoke', async (r) => {
  const win = windowById(r.windowId);
  const handler = invokeHandlers.get(r.channel);
  if (!handler) throw new Error(`No handler registered for '${r.channel}'`);
  const url = toAppUrl(r.frame.url);
  // Electron reports lanyard://app (WHATWG URL says "null" for a non-special scheme).
  const origin = url.split('/').slice(0, 3).join('/');
  const parent = r.frame.top ? null : ({ url: toAppUrl(r.frame.url) } as Electron.WebFrameMain);
  const event: S.IpcMainInvokeEvent = { sender: win.webContents, senderFrame: { url, origin, parent } };
  return await handler(event, ...r.args);
});

const sessionEvents = new EventEmitter();
export const permissions: {
  request?: Parameters<Electron.Session['setPermissionRequestHandler']>[0];
  check?: Parameters<Electron.Session['setPermissionCheckHandler']>[0];
} = {};
const defaultSession: S.Session = {
  setPermissionRequestHandler(h) {
    permissions.request = h;
  },
  setPermissionCheckHandler(h) {
    permissions.check = h;
  },
  on(event, listener) {
    sessionEvents.on(event, listener);
    return defaultSession;
  },
};
export const session: S.SessionStatic = { defaultSession };
