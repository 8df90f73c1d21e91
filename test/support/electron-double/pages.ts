/**
 * A double BrowserWindow's page: a real Chromium page with the real preload (through the shim) and
 * an IPC binding that reports the calling frame, so the shell's sender check runs on real frames.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import type { FrameData } from './messages';

export type WindowPage = {
  /** The page once its document has loaded. */
  loaded: Promise<Page>;
  /** webContents.send from the shell, delivered in order to the preload's listeners. */
  deliver(channel: string, args: unknown[]): void;
  close(): Promise<void>;
  /** Response headers of the document, as the shell's protocol handler sent them. */
  headers(): Record<string, string>;
};

export type PageOptions = {
  windowId: number;
  url: string;
  preloadPath: string | undefined;
  /** The preload shim as an IIFE defining `__electronDoubleShim`. */
  shim: string;
  invoke(channel: string, args: unknown[], frame: FrameData): Promise<unknown>;
};

async function initScript(shim: string, preloadPath: string | undefined): Promise<string> {
  // Electron runs a preload in the top frame only (nodeIntegrationInSubFrames is off).
  const preload = preloadPath ? await readFile(preloadPath, 'utf8') : '';
  return `if (window === window.top) {
${shim}
(() => {
  const electron = __electronDoubleShim.electronFor(window);
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  (function (module, exports, require) {
${preload}
  })(module, module.exports, require);
})();
}`;
}

export function attachPage(context: BrowserContext, o: PageOptions): WindowPage {
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  let headers: Record<string, string> = {};
  const loaded = (async () => {
    const page = await context.newPage();
    await page.exposeBinding('__electronDoubleInvoke', (source, channel: string, args: unknown[]) => {
      const frame = source.frame;
      return o.invoke(channel, args, { url: frame.url(), top: frame.parentFrame() === null });
    });
    await page.addInitScript({ content: await initScript(o.shim, o.preloadPath) });
    const response = await page.goto(o.url);
    headers = (await response?.allHeaders()) ?? {};
    return page;
  })();
  chain = loaded;
  return {
    loaded,
    deliver(channel, args) {
      chain = chain
        .then(() => loaded)
        .then((page) =>
          closed
            ? undefined
            : page.evaluate(([c, a]) => (window as unknown as Record<string, (c: string, a: unknown[]) => number>).__electronDoubleEmit?.(c, a), [channel, args] as const),
        )
        .catch(() => undefined);
    },
    headers: () => headers,
    async close() {
      closed = true;
      const page = await loaded.catch(() => undefined);
      await page?.close().catch(() => undefined);
    },
  };
}
