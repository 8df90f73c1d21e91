/**
 * The built tray window in Chromium with the dev fake bridge: what a person sees and what the
 * window asks main to do. (The end-to-end test with main's real handlers lives elsewhere.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../support/axe';
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

type Look = { width?: number; colorScheme?: 'light' | 'dark' };

async function open(scenario: Scenario, roles = 10_000, look: Look = {}): Promise<Opened> {
  const page = await browser.newPage({
    viewport: { width: look.width ?? 380, height: 560 },
    colorScheme: look.colorScheme ?? 'light',
  });
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

/** The active option's accessible name: its text, minus what is hidden from screen readers. */
const activeText = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('input[role=combobox]')?.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    if (!option) return '';
    const copy = option.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden=true]').forEach((e) => e.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? (e.getAttribute('aria-label') ?? e.textContent ?? e.tagName).trim() : '';
  });

describe('built renderer', () => {
  it('has no inline script or style in index.html and loads without CSP violations', async () => {
    const html = await readFile(join(dir, 'dist', 'index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    const { page, problems } = await open('signed-in');
    await page.getByRole('listbox', { name: 'Roles' }).waitFor();
    await page.keyboard.type('adm');
    await page.waitForSelector('mark');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('signed in with 10,000 roles', () => {
  it('focuses search, virtualizes, filters as you type and copies with Enter', async () => {
    const { page, calls, problems } = await open('signed-in');
    await expect.poll(() => focused(page)).toBe('Search roles');
    await expect.poll(() => page.locator('[role=option]').count()).toBeGreaterThan(5);
    expect(await page.locator('[role=option]').count()).toBeLessThan(80);

    await page.keyboard.type('payments prod admin');
    await expect.poll(() => activeText(page)).toMatch(/^AdministratorAccess in payments-prod/);
    const first = await activeText(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeText(page)).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => activeText(page)).toBe(first);

    await page.keyboard.press('Enter');
    await page.waitForSelector('.toast');
    // The toast names the account as well as the role.
    expect(await page.textContent('.toast')).toMatch(
      /^Copied bash\/zsh env for AdministratorAccess in payments-prod[\w-]*\. Clipboard clears in 30 s\./,
    );
    const copy = (await calls()).find((c) => c.command === 'roles.copyEnv');
    expect(copy?.request).toMatchObject({
      session: 'acme',
      roleName: 'AdministratorAccess',
      format: 'posix',
    });

    await page.keyboard.press('Control+o');
    await page.keyboard.press('Control+d');
    await expect.poll(async () => (await calls()).map((c) => c.command)).toContain('roles.openConsole');
    await expect.poll(async () => (await calls()).map((c) => c.command)).toContain('favorites.toggle');
    await expect.poll(() => activeText(page)).toMatch(/, favorite$/);
    await expect.poll(() => page.getAttribute('[aria-label=Favorite]', 'aria-pressed')).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.inputValue('input[role=combobox]')).toBe('');
    await expect.poll(() => page.textContent('.list')).toContain('Favorites');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches, and remembers the env format through settings.update', async () => {
    const { page, calls } = await open('signed-in');
    await page.keyboard.type('zzzqqqx');
    await expect.poll(() => page.textContent('.state')).toContain('No roles match');
    await page.selectOption('select[aria-label="Env format"]', 'fish');
    await expect
      .poll(async () => (await calls()).find((c) => c.command === 'settings.update')?.request)
      .toEqual({
        envFormat: 'fish',
      });
    await page.close();
  });

  // Once flaky (1 in 385): Esc was pressed before the old <details> menu's async toggle event had
  // attached its key listener. The menu now owns its keys, and every step waits for a state.
  it('closes the session menu on Esc and on an outside click; arrows move through it', async () => {
    const { page } = await open('signed-in', 200);
    const menu = page.getByRole('menu');
    const button = page.getByRole('button', { name: 'Menu' });
    await button.click();
    await menu.waitFor();
    await expect.poll(() => focused(page)).toMatch(/^Refresh roles/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toMatch(/^Add a session/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('Sign out');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toMatch(/^Refresh roles/);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.click();
    await menu.waitFor();
    await page.click('.list-scroll', { position: { x: 200, y: 200 } });
    await menu.waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows the profiles as a table, the diff behind a disclosure, writes only after confirming', async () => {
    const { page, calls } = await open('signed-in', 200);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('menuitem', { name: 'Write all profiles…' }).click();
    await page.waitForSelector('dialog[open]');
    expect(await page.textContent('dialog')).toContain('2 added');
    const rows = page.locator('dialog table.plan tbody tr');
    expect(await rows.count()).toBe(3);
    expect((await rows.first().textContent())?.replace(/\s+/g, ' ')).toContain(
      'AddAdministratorAccess-123456789012payments-prod 1234 5678 9012AdministratorAccess',
    );
    expect(await page.isVisible('pre.diff')).toBe(false);
    await page.click('text=Show the changes as a diff');
    await page.waitForSelector('pre.diff');
    expect((await calls()).some((c) => c.command === 'profiles.apply')).toBe(false);
    await page.focus('text=Write 3 changes');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Backup:');
    expect((await calls()).filter((c) => c.command === 'profiles.apply')).toHaveLength(1);
    // Enter belonged to the dialog's button, not to the role list behind it.
    expect((await calls()).some((c) => c.command === 'roles.copyEnv')).toBe(false);
    await page.close();
  });

  it('gives focus back after a dialog closes with Esc, and Esc closes Settings', async () => {
    const { page } = await open('signed-in', 200);
    await page.getByRole('button', { name: 'Write profile' }).click();
    await page.waitForSelector('dialog[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog', { state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Write profile');

    await page.focus('input[role=combobox]');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await page.textContent('dialog')).toContain('Ctrl+D');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog', { state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Search roles');
    // The ? opened the overlay; it was not typed into the search.
    expect(await page.inputValue('input[role=combobox]')).toBe('');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Settings' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Search roles');
    await page.close();
  });

  it('clears toasts when the screen changes', async () => {
    const { page } = await open('signed-in', 200);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.toast');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.waitForSelector('.toast', { state: 'detached' });
    await page.close();
  });
});

describe('two sessions', () => {
  it('lists both sessions in one list, with badges, chips that filter, and each state in view', async () => {
    const { page, calls } = await open('two-sessions', 2000);
    const chips = page.getByRole('navigation', { name: 'Sessions' });
    await expect.poll(() => chips.textContent()).toContain('acme-gov');
    const text = (await chips.textContent()) ?? '';
    expect(text).toMatch(/acme\s*ends \d\d:\d\d, in 7 h/);
    expect(text).toMatch(/acme-gov\s*ends \d\d:\d\d, in 2 h/);
    expect(text).toMatch(/client\s*ended/);
    // The ended session says so once, plainly, with its one action.
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Your client session has ended.Sign in again');

    // Favorites of both sessions, each row with its session's badge.
    const list = page.getByRole('listbox', { name: 'Roles' });
    await expect.poll(() => list.locator('.badge').allTextContents()).toContain('acme-gov');
    await expect
      .poll(() => page.getAttribute('input[role=combobox]', 'placeholder'))
      .toBe('Search 2,500 roles');

    // One search over both.
    await page.keyboard.type('admin');
    await expect
      .poll(async () => new Set(await list.locator('.badge').allTextContents()))
      .toEqual(new Set(['acme', 'acme-gov']));

    // A chip filters to its session.
    await page.getByRole('button', { name: /^acme-gov/ }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^acme-gov/ }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect
      .poll(async () => new Set(await list.locator('.badge').allTextContents()))
      .toEqual(new Set(['acme-gov']));
    await page.focus('input[role=combobox]');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await calls()).find((c) => c.command === 'roles.copyEnv')?.request)
      .toMatchObject({ session: 'acme-gov' });

    // The ended session's chip leads to its sign-in, which says it plainly (the reason is one click away).
    await page.getByRole('button', { name: /^client/ }).click();
    await page.getByRole('heading', { name: 'client: session ended' }).waitFor();
    expect(await page.isVisible('text=no longer accepts')).toBe(false);
    await page.getByRole('button', { name: 'Back to roles' }).click();
    await list.waitFor();
    await page.close();
  });

  it('fits 320 px: nothing is cut off or pushed out sideways', async () => {
    const { page } = await open('two-sessions', 2000, { width: 320 });
    await page.getByRole('listbox', { name: 'Roles' }).waitFor();
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.topbar *, .chips *, .banner *, .search *, .actions *')]
        .filter((e) => !e.closest('.sr-only') && e.getClientRects().length > 0)
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
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

  it('no sessions: refuses a non-portal start URL until the custom-endpoint box is ticked', async () => {
    const { page, calls } = await open('no-sessions');
    const box = page.getByRole('checkbox', { name: /custom or vanity portal URL/ });
    await page.fill('#f-name', 'corp');
    await page.fill('#f-region', 'us-east-1');
    await page.fill('#f-startUrl', 'https://d-123.awsapps.com/start');
    expect(await page.isDisabled('button[type=submit]')).toBe(false);
    expect(await box.count()).toBe(0); // not offered for a portal URL
    await page.fill('#f-startUrl', 'https://sso.corp.example/start');
    await box.waitFor();
    expect(await page.textContent('#f-startUrl-msg')).toContain(
      'sso.corp.example is not an AWS access portal URL',
    );
    expect(await page.textContent('#f-startUrl-msg')).toContain(
      'tick "This is a custom or vanity portal URL',
    );
    expect(await page.isDisabled('button[type=submit]')).toBe(true);
    await box.check();
    await expect.poll(() => page.textContent('#f-startUrl-msg')).toBe('Your AWS access portal URL.');
    await page.click('button[type=submit]');
    await expect
      .poll(async () => (await calls()).find((c) => c.command === 'sessions.add')?.request)
      .toEqual({
        name: 'corp',
        startUrl: 'https://sso.corp.example/start',
        region: 'us-east-1',
        customEndpoint: true,
      });
    await page.close();
  });

  it('expired: offers sign in again and a fresh session', async () => {
    const { page } = await open('expired');
    const text = await page.textContent('main');
    expect(text).toContain('session ended');
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

  it('offline, throttled, listing error and config warnings: one message each, no contradiction', async () => {
    const { page } = await open('troubled');
    await page.waitForSelector('.banner');
    const banners = await page.locator('.banner').allTextContents();
    // Offline explains the failed listing; the session is about to end; the config has a problem.
    expect(banners).toEqual([
      expect.stringMatching(/^You are offline: showing saved roles/),
      expect.stringMatching(/^Your acme session ends in 9 m \d\d s\.Sign in again/),
      expect.stringContaining('sso_session = old'),
    ]);
    // Dismissed stays dismissed while the state lasts (the countdown ticks on).
    await page.locator('.banner', { hasText: 'offline' }).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.locator('.banner').count()).toBe(2);
    await page.close();
  });

  it('a failed roles.get says so once, with Retry, not an endless spinner', async () => {
    const { page, calls } = await open('roles-error');
    const alert = page.locator('.banner[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The portal says the session has ended.');
    expect(await page.textContent('.state')).toContain('No roles to show');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(async () => (await calls()).filter((c) => c.command === 'roles.get').at(-1)?.request)
      .toEqual({ session: 'acme', refresh: true });
    await page.close();
  });

  it('listing progress and an empty organisation', async () => {
    const listing = await open('listing');
    await expect.poll(() => listing.page.textContent('.state')).toContain('37 of 112 accounts');
    await listing.page.close();
    const empty = await open('empty-org');
    await expect.poll(() => empty.page.textContent('.state')).toContain('No accounts');
    await empty.page.close();
  });
});

describe('accessibility: axe-core finds nothing serious on any screen, light or dark', () => {
  const screens: { name: string; scenario: Scenario; then?: (p: Page) => Promise<unknown> }[] = [
    { name: 'roles', scenario: 'two-sessions', then: (p) => p.getByRole('listbox').waitFor() },
    {
      name: 'search',
      scenario: 'signed-in',
      then: async (p) => {
        await p.getByRole('listbox').waitFor();
        await p.keyboard.type('pay adm');
        await p.locator('mark').first().waitFor();
      },
    },
    {
      name: 'menu',
      scenario: 'two-sessions',
      then: async (p) => {
        await p.getByRole('button', { name: 'Menu' }).click();
        await p.getByRole('menu').waitFor();
      },
    },
    {
      name: 'profiles',
      scenario: 'signed-in',
      then: async (p) => {
        await p.getByRole('button', { name: 'Menu' }).click();
        await p.getByRole('menuitem', { name: 'Write all profiles…' }).click();
        await p.getByText('Show the changes as a diff').click();
        await p.locator('pre.diff').waitFor();
      },
    },
    {
      name: 'shortcuts',
      scenario: 'signed-in',
      then: async (p) => {
        await p.getByRole('listbox').waitFor();
        await p.keyboard.press('?');
        await p.getByRole('dialog').waitFor();
      },
    },
    {
      name: 'settings',
      scenario: 'signed-in',
      then: (p) => p.getByRole('button', { name: 'Settings' }).click(),
    },
    { name: 'troubled', scenario: 'troubled', then: (p) => p.locator('.banner').first().waitFor() },
    { name: 'no-sessions', scenario: 'no-sessions' },
    { name: 'signed-out', scenario: 'signed-out' },
    { name: 'expired', scenario: 'expired' },
    { name: 'device', scenario: 'device', then: (p) => p.locator('.device__code').waitFor() },
    { name: 'listing', scenario: 'listing', then: (p) => p.locator('progress').waitFor() },
  ];
  const cases = (['light', 'dark'] as const).flatMap((colorScheme) =>
    screens.map((screen) => [`${screen.name}, ${colorScheme}`, screen, colorScheme] as const),
  );
  it.each(cases)('%s', async (_, screen, colorScheme) => {
    const { page } = await open(screen.scenario, 500, { colorScheme });
    await screen.then?.(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
