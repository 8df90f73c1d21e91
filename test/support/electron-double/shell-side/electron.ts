/**
 * The Electron double's module: what `import … from 'electron'` gives the shell when it runs under
 * test/support/electron-double (hooks.mjs resolves `electron` here). It is typed member by member
 * against main/shell/electron-surface.ts (Picks of Electron's .d.ts). `app` follows Electron's lifecycle: 'ready' after
 * the main module has run, a real single-instance lock (a lock file and a unix socket in userData,
 * so a second PROCESS finds the first), and quit = before-quit → close windows → will-quit → quit,
 * after which the double drops its own handles and does NOT exit the process: it must end by itself.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as S from '../../../../main/shell/electron-surface';
import { detach, onRequest, record } from './link';
import { clipboard, Menu, nativeImage, nativeTheme, Notification, power, powerMonitor, screen, shell, Tray } from './os';
import { allWindows, appEvents, BrowserWindow, ipcMain, makeEvent, markReady, protocol, session, stopServing } from './web';

export { clock } from './clock';

const env = process.env;
const appPath = env.ELECTRON_DOUBLE_APP_PATH ?? process.cwd();
const isPackaged = env.ELECTRON_DOUBLE_PACKAGED === '1';
if (env.ELECTRON_DOUBLE_RESOURCES_PATH) {
  (process as { resourcesPath?: string }).resourcesPath = env.ELECTRON_DOUBLE_RESOURCES_PATH;
}
const appName = env.ELECTRON_DOUBLE_APP_NAME ?? 'lanyard';
const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
const paths: Record<string, string> = {
  home: env.HOME || homedir(),
  appData: configHome,
  userData: join(configHome, appName),
  temp: env.TMPDIR || '/tmp',
};

let readyResolve!: () => void;
const readyPromise = new Promise<void>((ok) => (readyResolve = ok));
let lock: { file: string; server?: Server } | undefined;
let quitting = false;
let exited = false;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function requestSingleInstanceLock(): boolean {
  const dir = paths.userData!;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'SingletonLock');
  const socket = join(dir, 'SingletonSocket');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      rmSync(socket, { force: true });
      const server = createServer((c) => {
        let data = '';
        c.on('data', (d) => (data += String(d)));
        c.on('end', () => {
          const { argv, cwd } = JSON.parse(data) as { argv: string[]; cwd: string };
          appEvents.emit('second-instance', makeEvent(), argv, cwd);
        });
      }).listen(socket);
      lock = { file, server };
      record({ type: 'app.singleInstance', acquired: true });
      return true;
    } catch {
      const holder = Number(readFileSync(file, 'utf8'));
      if (pidAlive(holder)) break;
      rmSync(file, { force: true }); // a crashed first instance
    }
  }
  record({ type: 'app.singleInstance', acquired: false });
  const c = connect(socket, () => c.end(JSON.stringify({ argv: process.argv, cwd: process.cwd() })));
  c.on('error', () => undefined);
  return false;
}

async function shutdown(code?: number): Promise<void> {
  if (exited) return;
  exited = true;
  await stopServing();
  if (lock) {
    lock.server?.close();
    rmSync(lock.file, { force: true });
    lock = undefined;
  }
  record(code === undefined ? { type: 'app.quit' } : { type: 'app.exit', code });
  detach();
}

const appMembers: Omit<S.App, 'on'> = {
  isPackaged,
  dock: undefined,
  requestSingleInstanceLock,
  whenReady: () => readyPromise,
  getAppPath: () => appPath,
  getVersion: () => env.ELECTRON_DOUBLE_APP_VERSION ?? '0.0.0',
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const p = paths[name];
    if (!p) throw new Error(`the double has no app.getPath('${name}')`);
    return p;
  },
  setLoginItemSettings(settings: Electron.Settings) {
    record({ type: 'app.loginItem', openAtLogin: settings.openAtLogin ?? false });
  },
  quit() {
    if (quitting || exited) return;
    const e = makeEvent();
    appEvents.emit('before-quit', e);
    if (e.defaultPrevented) return;
    quitting = true;
    for (const w of allWindows()) {
      if (!w.tryClose()) {
        quitting = false;
        return;
      }
    }
    const wq = makeEvent();
    appEvents.emit('will-quit', wq);
    if (wq.defaultPrevented) {
      quitting = false;
      return;
    }
    appEvents.emit('quit', makeEvent(), 0);
    void shutdown();
  },
  exit(exitCode = 0) {
    for (const w of allWindows()) w.destroy();
    void shutdown(exitCode).finally(() => process.exit(exitCode));
  },
};
// The EventEmitter gives `on`; every other member is checked against the surface above.
const app = Object.assign(appEvents, appMembers) as S.App;

// Electron emits 'ready' once the main script has run; the whole module graph evaluates first.
setImmediate(() => {
  markReady();
  record({ type: 'app.ready' });
  readyResolve();
  appEvents.emit('ready');
});

onRequest('quit', () => app.quit());
onRequest('emit', (r) => {
  if (r.target === 'powerMonitor') power.emit(r.event);
  else appEvents.emit(r.event, makeEvent(), [], process.cwd());
});

const electron: S.ShellElectron = {
  app,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  Notification,
  ipcMain,
  protocol,
  session,
  shell,
  clipboard,
  powerMonitor,
  nativeTheme,
  screen,
};
export default electron;
export { app, BrowserWindow, Tray, Menu, nativeImage, Notification, ipcMain, protocol, session, shell, clipboard };
export { powerMonitor, nativeTheme, screen };
