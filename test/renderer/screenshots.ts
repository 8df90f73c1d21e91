/**
 * Visual check of the tray window: every scenario in light and dark, at 380×560 and 320×560, as PNGs.
 * Usage: npx tsx test/renderer/screenshots.ts [outDir]   (default: test-results/renderer-screens)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Scenario } from '../support/renderer/fake-bridge';
import { buildRenderer, fakeBridgeScript, launchChromium, repoRoot, serveStatic } from '../support/browser';

const outDir = process.argv[2] ?? join(repoRoot, 'test-results', 'renderer-screens');
type Shot = { name: string; scenario: Scenario; then?: (page: Page) => Promise<void> };

const shots: Shot[] = [
  { name: 'main', scenario: 'signed-in' },
  {
    name: 'search',
    scenario: 'signed-in',
    then: async (p) => {
      await p.keyboard.type('pay adm');
      await p.keyboard.press('ArrowDown');
    },
  },
  { name: 'no-results', scenario: 'signed-in', then: (p) => p.keyboard.type('zzzx') },
  {
    name: 'copied',
    scenario: 'signed-in',
    then: async (p) => {
      await p.keyboard.press('Enter');
      await p.waitForSelector('.toast');
    },
  },
  {
    name: 'menu',
    scenario: 'two-sessions',
    then: (p) => p.getByRole('button', { name: 'Menu' }).click(),
  },
  {
    name: 'profiles',
    scenario: 'signed-in',
    then: async (p) => {
      await p.getByRole('button', { name: 'Menu' }).click();
      await p.getByRole('menuitem', { name: 'Write all profiles…' }).click();
      await p.waitForSelector('dialog[open]');
    },
  },
  { name: 'two-sessions', scenario: 'two-sessions' },
  {
    name: 'two-sessions-search',
    scenario: 'two-sessions',
    then: async (p) => {
      await p.getByRole('listbox').waitFor();
      await p.keyboard.type('admin');
    },
  },
  {
    name: 'shortcuts',
    scenario: 'signed-in',
    then: async (p) => {
      await p.getByRole('listbox').waitFor();
      await p.keyboard.press('?');
    },
  },
  { name: 'settings', scenario: 'signed-in', then: (p) => p.click('[aria-label="Settings"]') },
  { name: 'no-sessions', scenario: 'no-sessions' },
  {
    name: 'add-invalid',
    scenario: 'no-sessions',
    then: async (p) => {
      await p.fill('#f-name', 'acme');
      await p.fill('#f-startUrl', 'http://d-123.awsapps.com/start/#/');
      await p.fill('#f-region', 'us-east-1a');
    },
  },
  { name: 'signed-out', scenario: 'signed-out' },
  { name: 'expired', scenario: 'expired' },
  { name: 'device', scenario: 'device' },
  { name: 'listing', scenario: 'listing' },
  { name: 'troubled', scenario: 'troubled' },
  { name: 'empty-org', scenario: 'empty-org' },
];

await mkdir(outDir, { recursive: true });
const dist = await buildRenderer();
const server = await serveStatic(dist);
const browser = await launchChromium();
const problems: string[] = [];
try {
  for (const [scheme, width] of [
    ['light', 380],
    ['dark', 380],
    ['light', 320],
    ['dark', 320],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 560 }, colorScheme: scheme });
    for (const shot of shots) {
      const page = await context.newPage();
      page.on('console', (m) => {
        // The brief's CSP is a <meta>, where Chromium ignores frame-ancestors (main's header can carry it).
        if (m.text().includes("'frame-ancestors' is ignored")) return;
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${shot.name}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${shot.name}: ${e.message}`));
      await page.addInitScript(await fakeBridgeScript({ scenario: shot.scenario, roles: 10_000 }));
      await page.goto(server.url);
      await page.waitForSelector('main.app:not(.app--center)');
      await page.waitForTimeout(50);
      if (shot.then) await shot.then(page);
      await page.waitForTimeout(100);
      const size = width === 380 ? '' : `-${width}`;
      await page.screenshot({ path: join(outDir, `${shot.name}-${scheme}${size}.png`) });
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screens in ${outDir}`);
if (problems.length) {
  console.log(problems.join('\n'));
  process.exitCode = 1;
}
