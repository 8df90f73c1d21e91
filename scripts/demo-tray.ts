/**
 * `npm run demo`, second half, where the Electron binary cannot run: the BUILT tray app
 * (dist/electron/main.mjs) under the Electron double that the shell tests use, its window as a real
 * headless Chromium page. It prints what the tray shows, saves screenshots of the window, moves the
 * app's clock to five minutes before the session ends and prints the warning it raises, then quits.
 * Run by scripts/demo.mjs with the demo's environment in LANYARD_DEMO_ENV.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser';
import { runShell } from '../test/support/electron-double/index';

const env = JSON.parse(process.env.LANYARD_DEMO_ENV ?? '{}') as Record<string, string>;
const shots = join(env.HOME ?? '.demo-home', 'screenshots');
const say = (text: string) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);

type MenuItem = { label?: string; type?: string; submenu?: MenuItem[] };
function printMenu(items: MenuItem[], depth = 0): void {
  for (const item of items) {
    if (item.type === 'separator') continue;
    console.log(`${'  '.repeat(depth + 1)}${item.label ?? ''}`);
    if (item.submenu && depth < 1) printMenu(item.submenu, depth + 1);
  }
}

async function main(): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  const run = await runShell({ env, testClock: true, browser });
  try {
    say('The tray app starts, signed in by the CLI sign-in above (one shared token cache)');
    await run.waitFor(
      () => /(signed-in|expiring)\.png$/.test(run.tray.image()?.path ?? ''),
      'the tray to show the sign-in',
      30_000,
    );
    console.log(`tray icon: ${run.tray.image()?.path.split('/').pop()}`);
    console.log(`tray tooltip: ${run.tray.tooltip()?.replace(/\n/g, ' | ')}`);
    console.log('tray menu:');
    printMenu(run.tray.menu() as MenuItem[]);

    const page = await run.window();
    await page.setViewportSize({ width: 380, height: 560 });
    await page.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(shots, `window-${colorScheme}.png`) });
    }
    for (const n of run.notifications.shown()) console.log(`notification so far: ${n.title}`);
    console.log(`window screenshots: ${join(shots, 'window-light.png')} and window-dark.png`);

    say('Five minutes before the session ends (the app’s clock moved forward), the warning');
    const status = await page.evaluate(async () => {
      const r = await window.lanyard.invoke('state.get', {});
      return r.ok ? r.value.sessions.map((s) => s.usableUntil) : [];
    });
    const end = status.map((u) => (u ? Date.parse(u) : NaN)).find((t) => !Number.isNaN(t));
    if (end === undefined) throw new Error('the session has no known end');
    const now = await run.clock.advance(0);
    await run.clock.advance(Math.max(0, end - now - 5 * 60_000 + 1_000));
    const notice = await run.waitFor(
      () => run.notifications.shown().find((n) => /ends in 5 minutes/.test(n.title)),
      'the five-minute warning',
      30_000,
    );
    console.log(`notification: ${notice.title}\n  ${notice.body}\n  button: ${notice.actions.join(', ')}`);
    console.log(`tray icon now: ${run.tray.image()?.path.split('/').pop()}`);
    console.log(`tray tooltip now: ${run.tray.tooltip()?.replace(/\n/g, ' | ')}`);
  } finally {
    await run
      .quit()
      .catch((e: unknown) => console.error(`demo: the tray app did not quit cleanly: ${String(e)}`));
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`demo (tray): ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
