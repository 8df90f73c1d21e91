/**
 * runShell: the BUILT Electron main (dist/electron/main.mjs by default) in a child Node process with
 * `electron` resolved to the double (hooks.mjs), and its windows as real Chromium pages in THIS
 * process.
 *
 * Why two processes: the shell must be seen to end by itself after quit (a leaked timer, server or
 * listener keeps it alive, and the double then prints what is still active on stderr), and a second
 * instance must be a second process. Why Playwright here and not in the child: tests drive pages
 * with locators, and a browser in the child would itself keep the child alive. The child serves
 * the app scheme over 127.0.0.1 by calling the shell's own protocol handler; IPC from the page goes
 * page → binding (here) → child's ipcMain, and webContents.send comes back the other way.
 *
 *   const run = await runShell({ env: { HOME, ... }, browser });
 *   await run.waitFor(() => run.tray.tooltip()?.includes('Signed in'), 'signed-in tooltip');
 *   await run.tray.clickItem('work', 'Sign in');           // labels (or ids) from the root
 *   const page = await run.window();                         // the window's Playwright page
 *   run.opened(); run.clipboard(); run.notifications.shown(); run.records;
 *   const { code } = await run.quit();                        // rejects if the process does not end
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, repoRoot } from '../browser';
import { doubleBundles } from './build';
import type { HostRequest, ImageData, MenuItemData, ShellRecord, ToHost, ToShell } from './messages';
import { attachPage, type WindowPage } from './pages';

export type RunShellOptions = {
  /** Default: the repo's dist/electron/main.mjs. */
  mainPath?: string;
  /** Read the preload from here instead of webPreferences.preload (e.g. a path inside an asar). */
  preloadPath?: string;
  /** The shell's whole environment (HOME at least); PATH is added. */
  env: Record<string, string | undefined>;
  /** app.getAppPath(); default the repo root. */
  appPath?: string;
  isPackaged?: boolean;
  resourcesPath?: string;
  /** Give the shell the double's test clock (LANYARD_TEST_CLOCK), moved with run.clock.advance. */
  testClock?: boolean;
  /** Share one Chromium between runs; otherwise one is launched and closed with the run. */
  browser?: Browser;
};

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; stderr: string };

export type NotificationRecord = Extract<ShellRecord, { type: 'notification.show' }> & { closed: boolean };

export type ShellRun = {
  records: ShellRecord[];
  app: { emit(event: string): Promise<void>; powerMonitor(event: string): Promise<void> };
  tray: {
    image(): ImageData | undefined;
    tooltip(): string | undefined;
    menu(): MenuItemData[] | undefined;
    click(): Promise<void>;
    clickItem(...path: string[]): Promise<void>;
  };
  /** The first window's page once loaded (waits). */
  window(): Promise<Page>;
  windows: { visible(id?: number): boolean; pages: Map<number, WindowPage> };
  notifications: {
    shown(): NotificationRecord[];
    click(id: number): Promise<void>;
    action(id: number, index?: number): Promise<void>;
  };
  opened(): string[];
  clipboard(): string;
  clock: { advance(ms: number): Promise<number> };
  stdout(): string;
  stderr(): string;
  waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs?: number): Promise<T>;
  /** Resolves when the process has ended by itself. */
  exited: Promise<ExitInfo>;
  /** Quit from the tray's point of view (app.quit()) and wait for the process to end by itself. */
  quit(timeoutMs?: number): Promise<ExitInfo>;
  /** Last resort for a failed test: kill the process, close pages (and the browser if ours). */
  dispose(): Promise<void>;
};

export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  what: string,
  timeoutMs = 10_000,
  detail: () => string = () => '',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${detail()}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

export async function runShell(opts: RunShellOptions): Promise<ShellRun> {
  const bundles = await doubleBundles();
  const ownBrowser = !opts.browser;
  const browser = opts.browser ?? (await launchChromium());
  const context: BrowserContext = await browser.newContext();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ PATH: process.env.PATH, ...opts.env })) if (v !== undefined) env[k] = v;
  env.ELECTRON_DOUBLE_APP_PATH = opts.appPath ?? repoRoot;
  if (opts.isPackaged) env.ELECTRON_DOUBLE_PACKAGED = '1';
  if (opts.resourcesPath) env.ELECTRON_DOUBLE_RESOURCES_PATH = opts.resourcesPath;
  if (opts.testClock) env.LANYARD_TEST_CLOCK = pathToFileURL(bundles.electron).href;

  const child: ChildProcess = fork(opts.mainPath ?? join(repoRoot, 'dist', 'electron', 'main.mjs'), [], {
    cwd: opts.appPath ?? repoRoot,
    env,
    execArgv: ['--import', pathToFileURL(bundles.register).href],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += String(d)));
  child.stderr?.on('data', (d: Buffer) => (err += String(d)));
  const exited = new Promise<ExitInfo>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal, stderr: err })),
  );

  const records: ShellRecord[] = [];
  const pages = new Map<number, WindowPage>();
  const visible = new Map<number, boolean>();
  const pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  let nextId = 1;
  const request = (req: HostRequest): Promise<unknown> =>
    new Promise((ok, fail) => {
      if (!child.connected) return fail(new Error(`the shell is gone (${req.op})`));
      const id = nextId++;
      pending.set(id, { ok, fail });
      child.send({ t: 'req', id, req } satisfies ToShell);
    });
  void exited.then(() => {
    for (const p of pending.values()) p.fail(new Error('the shell exited'));
    pending.clear();
  });

  child.on('message', (raw) => {
    const msg = raw as ToHost;
    if (msg.t === 'rec') {
      records.push(msg.rec);
      const r = msg.rec;
      if (r.type === 'window.create') visible.set(r.id, r.options.show ?? true);
      if (r.type === 'window.show') visible.set(r.id, true);
      if (r.type === 'window.hide' || r.type === 'window.closed') visible.set(r.id, false);
    } else if (msg.t === 'reply') {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.ok) p?.ok(msg.value);
      else p?.fail(new Error(msg.error));
    } else if (msg.t === 'window.load') {
      const wp = attachPage(context, {
        windowId: msg.id,
        url: msg.url,
        preloadPath: opts.preloadPath ?? msg.preload,
        shim: bundles.shim,
        invoke: (channel, args, frame) => request({ op: 'invoke', windowId: msg.id, channel, args, frame }),
      });
      pages.set(msg.id, wp);
      void wp.loaded.then(
        () => request({ op: 'window.loaded', id: msg.id }).catch(() => undefined),
        () => undefined,
      );
    } else if (msg.t === 'window.send') {
      pages.get(msg.id)?.deliver(msg.channel, msg.args);
    } else if (msg.t === 'window.destroy') {
      void pages.get(msg.id)?.close();
    }
  });

  const last = <T extends ShellRecord['type']>(type: T) =>
    records.findLast((r): r is Extract<ShellRecord, { type: T }> => r.type === type);
  const detail = () => `\nrecords: ${JSON.stringify(records.slice(-8))}\nstderr: ${err.slice(-2000)}`;
  const dispose = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await context.close().catch(() => undefined);
    if (ownBrowser) await browser.close().catch(() => undefined);
  };

  return {
    records,
    app: {
      emit: async (event) => void (await request({ op: 'emit', target: 'app', event })),
      powerMonitor: async (event) => void (await request({ op: 'emit', target: 'powerMonitor', event })),
    },
    tray: {
      image: () => {
        const r = records.findLast((x) => x.type === 'tray.image' || x.type === 'tray.create');
        return r && 'image' in r ? r.image : undefined;
      },
      tooltip: () => last('tray.tooltip')?.text,
      menu: () => last('tray.menu')?.items,
      click: async () => void (await request({ op: 'tray.click' })),
      clickItem: async (...path) => void (await request({ op: 'tray.menuClick', path })),
    },
    window: async () => {
      const wp = await waitFor(() => pages.values().next().value, 'a window', 10_000, detail);
      return await wp.loaded;
    },
    windows: { visible: (id) => visible.get(id ?? 1) ?? false, pages },
    notifications: {
      shown: () =>
        records.flatMap((r) =>
          r.type === 'notification.show'
            ? [{ ...r, closed: records.some((c) => c.type === 'notification.close' && c.id === r.id) }]
            : [],
        ),
      click: async (id) => void (await request({ op: 'notification.click', id })),
      action: async (id, index = 0) => void (await request({ op: 'notification.action', id, index })),
    },
    opened: () => records.flatMap((r) => (r.type === 'openExternal' ? [r.url] : [])),
    clipboard: () => {
      const r = records.findLast((x) => x.type === 'clipboard.write' || x.type === 'clipboard.clear');
      return r?.type === 'clipboard.write' ? r.text : '';
    },
    clock: { advance: async (ms) => (await request({ op: 'clock.advance', ms })) as number },
    stdout: () => out,
    stderr: () => err,
    waitFor: (probe, what, timeoutMs) => waitFor(probe, what, timeoutMs, detail),
    exited,
    async quit(timeoutMs = 10_000) {
      await request({ op: 'quit' }).catch(() => undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, fail) => {
        timer = setTimeout(
          () => fail(new Error(`the shell did not exit by itself after quit${detail()}`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
        await dispose();
      }
    },
    dispose,
  };
}
