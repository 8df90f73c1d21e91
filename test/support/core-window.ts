/**
 * The built renderer in a Chromium page wired to the REAL desktop core: `window.lanyard` calls the
 * core's dispatch (with the page's URL as the sender), and the core's events reach the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DesktopCore } from '../../main/desktop/core';
import { coreBridgeScript } from './browser';

export async function openCoreWindow(
  core: DesktopCore,
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 420, height: 640 } });
  const page = await context.newPage();
  await page.exposeBinding('__lanyardInvoke', (source, command: string, request: unknown) =>
    core.dispatch(command, request, source.frame.url()),
  );
  core.onEvent((event, payload) => {
    void page
      .evaluate(
        ([e, p]) => (window as unknown as { __lanyardEmit(e: string, p: unknown): void }).__lanyardEmit(e, p),
        [event, payload] as const,
      )
      .catch(() => undefined);
  });
  await page.addInitScript({ content: await coreBridgeScript() });
  return { context, page };
}
