/**
 * The built tray window in Chromium with the dev fake bridge: what a person sees and what the
 * window asks main to do. (The end-to-end test with main's real handlers lives elsewhere.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Scenario } from '../support/renderer/fake-bridge';
import {
  buildRenderer,
  fakeBridgeScript,
  launchChromium,
  serveStatic,
  type StaticServer,
} from '../support/browser';

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanyard-renderer-'));
  await buildRenderer(join(dir, 'dist'));
  server = await serveStatic(join(dir, 'dist'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

type Opened = {
  page: Page;
  problems: string[];
  calls: () => Promise<{ command: string; request: unknown }[]>;
};

async function open(scenario: Scenario, roles = 10_000): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 380, height: 560 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes("'frame-ancestors' is ignored")) return; // a <meta> CSP cannot carry it
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(await fakeBridgeScript({ scenario, roles }));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`)),
  );
  await page.goto(server.url);
  await page.waitForSelector('main.app:not(.app--center)');
  const calls = () => page.evaluate(() => window.__lanyardCalls);
  return { page, problems, calls };
}

const activeText = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('input[role=combobox]')?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.getAttribute('aria-label') ?? '') : '';
  });

describe('built renderer', () => {
  it('has no inline script or style in index.html and loads without CSP violations', async () => {
    const html = await readFile(join(dir, 'dist', 'index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    const { page, problems } = await open('signed-in');
    await page.keyboard.type('adm');
    await page.waitForSelector('mark');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('signed in with 10,000 roles', () => {
  it('focuses search, virtualizes, filters as you type and copies with Enter', async () => {
    const { page, calls, problems } = await open('signed-in');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search roles',
    );
    const options = await page.locator('[role=option]').count();
    expect(options).toBeGreaterThan(5);
    expect(options).toBeLessThan(80);

    await page.keyboard.type('payments prod admin');
    const first = await activeText(page);
    expect(first).toMatch(/^AdministratorAccess in payments-prod/);
    await page.keyboard.press('ArrowDown');
    const second = await activeText(page);
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await activeText(page)).toBe(first);

    await page.keyboard.press('Enter');
    await page.waitForSelector('.toast');
    expect(await page.textContent('.toast')).toContain('clipboard clears in 30 s');
    const copy = (await calls()).find((c) => c.command === 'roles.copyEnv');
    expect(copy?.request).toMatchObject({
      session: 'acme',
      roleName: 'AdministratorAccess',
      format: 'posix',
    });

    await page.keyboard.press('Control+o');
    await page.keyboard.press('Control+d');
    const names = (await calls()).map((c) => c.command);
    expect(names).toContain('roles.openConsole');
    expect(names).toContain('favorites.toggle');
    expect(await activeText(page)).toMatch(/, favorite$/);

    await page.keyboard.press('Escape');
    expect(await page.inputValue('input[role=combobox]')).toBe('');
    expect(await page.textContent('.list')).toContain('Favorites');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches, and remembers the env format through settings.update', async () => {
    const { page, calls } = await open('signed-in');
    await page.keyboard.type('zzzqqqx');
    expect(await page.textContent('.state')).toContain('No roles match');
    await page.selectOption('select[aria-label="Env format"]', 'fish');
    await expect
      .poll(async () => (await calls()).find((c) => c.command === 'settings.update')?.request)
      .toEqual({
        envFormat: 'fish',
      });
    await page.close();
  });

  it('closes the session menu on Esc and on an outside click', async () => {
    const { page } = await open('signed-in', 200);
    const isOpen = () => page.evaluate(() => document.querySelector('details.menu')?.hasAttribute('open'));
    await page.click('.menu summary');
    expect(await isOpen()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    await page.click('.menu summary');
    await page.click('.list-scroll', { position: { x: 200, y: 200 } });
    expect(await isOpen()).toBe(false);
    await page.close();
  });

  it('shows the profiles diff and writes only after confirming', async () => {
    const { page, calls } = await open('signed-in', 200);
    await page.click('.menu summary');
    await page.click('text=Write all profiles…');
    await page.waitForSelector('dialog[open]');
    expect(await page.textContent('dialog')).toContain('2 added');
    expect((await calls()).some((c) => c.command === 'profiles.apply')).toBe(false);
    await page.focus('text=Write 3 changes');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Backup:');
    expect((await calls()).filter((c) => c.command === 'profiles.apply')).toHaveLength(1);
    // Enter belonged to the dialog's button, not to the role list behind it.
    expect((await calls()).some((c) => c.command === 'roles.copyEnv')).toBe(false);
    await page.close();
  });
});

describe('other states', () => {
  it('no sessions: validates as you type and adds nothing invalid', async () => {
    const { page, calls } = await open('no-sessions');
    expect(await page.textContent('h1')).toContain('Welcome');
    await page.fill('#f-name', 'acme');
    await page.fill('#f-startUrl', 'http://d-123.awsapps.com/start');
    await page.fill('#f-region', 'us-east-1a');
    expect(await page.textContent('#f-startUrl-msg')).toContain('https');
    expect(await page.textContent('#f-region-msg')).toContain('us-east-1');
    expect(await page.isDisabled('button[type=submit]')).toBe(true);
    await page.fill('#f-startUrl', ' https://d-123.awsapps.com/start ');
    await page.fill('#f-region', 'us-east-1');
    await page.click('button[type=submit]');
    await expect
      .poll(async () => (await calls()).find((c) => c.command === 'sessions.add')?.request)
      .toEqual({
        name: 'acme',
        startUrl: 'https://d-123.awsapps.com/start',
        region: 'us-east-1',
      });
    await page.close();
  });

  it('expired: offers sign in again and a fresh session', async () => {
    const { page } = await open('expired');
    const text = await page.textContent('main');
    expect(text).toContain('session expired');
    expect(text).toContain('Start fresh session');
    expect(text).toContain('Sign in again');
    await page.close();
  });

  it('device code: shows the code large and asks main to copy it', async () => {
    const { page, calls } = await open('device');
    await page.waitForSelector('.device__code');
    expect(await page.textContent('.device__code')).toBe('WDJB-MJHT');
    expect(await page.textContent('.device')).toMatch(/Code expires in \d+ m/);
    await page.click('text=Copy code');
    await expect.poll(async () => (await calls()).map((c) => c.command)).toContain('auth.copyUserCode');
    await page.close();
  });

  it('offline, throttled, listing error and config warnings each say what is going on', async () => {
    const { page } = await open('troubled');
    const text = await page.textContent('main');
    expect(text).toContain('Offline');
    expect(text).toContain('throttling');
    expect(text).toContain('Listing roles failed');
    expect(text).toContain('sso_session = old');
    await page.close();
  });

  it('a failed roles.get shows its message and hint, not an endless spinner', async () => {
    const { page } = await open('roles-error');
    await page.waitForSelector('.state[role=alert]');
    const text = await page.textContent('.state');
    expect(text).toContain('The portal says the session has ended.');
    expect(text).toContain('Sign in again.');
    await page.close();
  });

  it('listing progress and an empty organisation', async () => {
    const listing = await open('listing');
    expect(await listing.page.textContent('.state')).toContain('37 of 112 accounts');
    await listing.page.close();
    const empty = await open('empty-org');
    expect(await empty.page.textContent('.state')).toContain('No accounts');
    await empty.page.close();
  });
});
