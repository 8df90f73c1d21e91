/**
 * Electron entry: wires the desktop core (main/desktop) to a tray icon, one hidden popover window
 * and the OS services. Everything with rules lives in the core or in pure modules; this file only
 * connects events. Endpoints come from the standard AWS env vars (the demo points them at the
 * emulator), read by the core from `env`.
 */
import { app, powerMonitor, screen, type BrowserWindow } from './electron';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Events } from '../../app/ipc/contract';
import type { TrayAction } from '../../app/tray/state';
import { allowedOrigins } from '../aws/endpoints';
import { createDesktopCore, type DesktopCore } from '../desktop/core';
import { addLogSink, createLogger, formatRecord } from '../log/logger';
import { resolvePaths } from '../paths';
import ElectronStore from 'electron-store';
import { createFileSettingsStore } from '../settings/store';
import { notificationIconPath, planWorkerPath, preloadPath, rendererDir } from './assets';
import { registerIpc, sendEvent } from './ipc';
import { clipboard, copiedNotice, createNotifier, createOpener } from './platform';
import { createPopover, type Popover } from './popover';
import { shellClock } from './clock';
import { registerAppScheme, serveRenderer } from './protocol';
import { RENDERER_URL, isTrustedSender } from './security-config';
import { createTray, type TrayController } from './tray';
import { createTrayWindow, hardenSession } from './window';

const log = createLogger('shell');
const env = process.env;
const paths = resolvePaths(env);

// A second launch (login item + manual start, double click) just shows the running one.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start, (e: unknown) => fatal(e));
}

function fatal(e: unknown): void {
  log.error('startup failed', { error: e instanceof Error ? e.message : String(e) });
  app.exit(1);
}

function logToFile(): void {
  const dir = join(paths.dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const out = createWriteStream(join(dir, 'main.log'), { flags: 'a', mode: 0o600 });
  addLogSink((r) => out.write(`${formatRecord(r)}\n`));
}

async function start(): Promise<void> {
  logToFile();
  // A tray app: no Dock icon on macOS (LSUIElement in the packaged Info.plist does it before launch).
  app.dock?.hide();
  hardenSession();
  serveRenderer(rendererDir);

  // electron-store over the same settings.json the CLI reads with conf; zod stays the one schema.
  const settings = createFileSettingsStore({
    dir: paths.dataDir,
    open: (o) => new ElectronStore<Record<string, unknown>>(o),
  });
  // Clicking any Lanyard notification brings the window up (an expiry notice's sign-in shows its
  // progress or device code there); openWindow is bound below, once the window exists.
  let openWindow: (focusSearch?: boolean) => void = () => undefined;
  const notifier = createNotifier({ icon: notificationIconPath(), onClick: () => openWindow() });
  const core: DesktopCore = createDesktopCore({
    paths,
    env,
    isTrustedSender,
    planWorker: planWorkerPath,
    platform: {
      clipboard,
      notifier,
      opener: createOpener(allowedOrigins(env)),
      settings,
      clock: await shellClock(env),
    },
  });

  let win: BrowserWindow | undefined = createTrayWindow({ preloadPath, devTools: !app.isPackaged });
  let quitting = false;
  win.on('close', (event) => {
    // Closing (Cmd+W, Alt+F4) hides: the app lives in the tray until Quit.
    if (!quitting) {
      event.preventDefault();
      popover.hide();
    }
  });
  win.on('closed', () => (win = undefined));

  let tray: TrayController | undefined;
  const popover: Popover = createPopover(
    {
      isVisible: () => win?.isVisible() ?? false,
      show: () => win?.show(),
      hide: () => win?.hide(),
      focus: () => win?.focus(),
      setPosition: (x, y) => win?.setPosition(x, y),
      getSize: () => (win?.getSize() as [number, number] | undefined) ?? [380, 560],
    },
    {
      trayBounds: () => tray?.bounds() ?? { x: 0, y: 0, width: 0, height: 0 },
      display: (b) =>
        b.width > 0
          ? screen.getDisplayNearestPoint({ x: b.x, y: b.y })
          : screen.getDisplayNearestPoint(screen.getCursorScreenPoint()),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
  );
  win.on('blur', () => popover.onBlur());

  openWindow = (focusSearch = false) => {
    popover.show();
    if (focusSearch) sendEvent(win?.webContents, 'ui.focusSearch', null);
  };
  const runAction = (action: TrayAction) => {
    if (action.type === 'openWindow') return openWindow(action.focusSearch);
    if (action.type === 'quit') return app.quit();
    core
      .runTrayAction(action)
      .then(({ result }) => {
        // A copy from the tray happens out of sight: say it worked (failures are notified by the core).
        if (action.type === 'copyEnv' && result?.ok) {
          const { clearsInSeconds } = result.value as { clearsInSeconds: number };
          notifier.show(copiedNotice(action.role.roleName, clearsInSeconds), () => undefined);
        }
      })
      .catch((e: unknown) => log.warn('tray action failed', { action: action.type, error: String(e) }));
  };
  tray = createTray({ onClick: () => popover.toggle(), onAction: runAction });

  let loginItem: boolean | undefined;
  const syncLoginItem = () => {
    const wanted = core.snapshot().settings.launchAtLogin;
    // Supported on macOS and Windows; Linux desktops use autostart files (docs/platforms.md).
    if (wanted === loginItem || process.platform === 'linux') return;
    loginItem = wanted;
    app.setLoginItemSettings({ openAtLogin: wanted });
  };
  const render = () => {
    tray?.render(core.trayState());
    syncLoginItem();
  };

  const removeIpc = registerIpc(core.dispatch, () => win?.webContents);
  const stopEvents = core.onEvent((event, payload) => {
    sendEvent(win?.webContents, event, payload);
    if (event === 'state.changed') render();
    // A device code must be seen to be typed: show the window that carries it.
    if (event === 'signIn.prompt' && (payload as Events['signIn.prompt']).kind === 'device') openWindow();
  });
  // Time left in the tooltip moves even when nothing else happens.
  const tick = setInterval(render, 30_000);
  powerMonitor.on('resume', () => {
    core.replan();
    render();
  });
  app.on('second-instance', () => openWindow());
  // Keep running with no window: the tray is the app.
  app.on('window-all-closed', () => undefined);

  let disposed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    clearInterval(tick);
    stopEvents();
    removeIpc();
    notifier.closeAll();
    void core
      .dispose()
      .catch((e: unknown) => log.warn('dispose failed', { error: String(e) }))
      .finally(() => {
        tray?.destroy();
        tray = undefined;
        app.quit();
      });
  });

  render();
  await core.start();
  render();
  log.info('ready', { renderer: RENDERER_URL, platform: process.platform });
}
