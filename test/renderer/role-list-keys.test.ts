/**
 * The unfiltered list of 10,000 roles, whose rows are made only as they are drawn: the keys that
 * move the selection reach every part of it, in the order main's sorted roles give.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sortRoles } from '../../app/domain/role-order';
import { fakeRoles } from '../support/renderer/fake-data';
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
  dir = await mkdtemp(join(tmpdir(), 'lanyard-role-list-'));
  await buildRenderer(join(dir, 'dist'));
  server = await serveStatic(join(dir, 'dist'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Whether the active option lies wholly inside the list's scrolled view. */
const activeInView = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('input[role=combobox]')?.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    const view = document.querySelector('.list-scroll')?.getBoundingClientRect();
    if (!option || !view) return false;
    const r = option.getBoundingClientRect();
    return r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5;
  });

/** Whether drawn rows cover the list's whole view (no blank band after a scroll). */
const viewCovered = (page: Page) =>
  page.evaluate(() => {
    const scroll = document.querySelector('.list-scroll')!;
    const view = scroll.getBoundingClientRect();
    const rows = [...scroll.querySelectorAll('.role, .list__header')].map((e) => e.getBoundingClientRect());
    for (let y = view.top + 1; y < view.bottom - 1; y += 10)
      if (!rows.some((r) => r.top <= y && r.bottom > y)) return false;
    return true;
  });

/** The active option's text as a screen reader reads it. */
const active = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('input[role=combobox]')?.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    if (!option) return '';
    const copy = option.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden=true]').forEach((e) => e.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

it('moves through the sections and to both ends of 10,000 roles', async () => {
  const page = await browser.newPage({ viewport: { width: 380, height: 560 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(await fakeBridgeScript({ scenario: 'signed-in', roles: 10_000 }));
  await page.goto(server.url);
  // The fake bridge's organisation: favorites roles[3] and roles[17], recents roles[40] and roles[9].
  const roles = fakeRoles(10_000, 'acme');
  const sorted = sortRoles([...roles]);
  const named = (i: number) => `${roles[i]!.roleName} in ${roles[i]!.accountName}`;
  const [favA, favB] = sortRoles([roles[3]!, roles[17]!]).map((r) => roles.indexOf(r));

  await expect.poll(() => active(page)).toMatch(new RegExp(`^${named(favA!)}.*, favorite$`));
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => active(page)).toMatch(new RegExp(`^${named(favB!)}`));
  // Past the Recent header, to the first recent role.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => active(page)).toMatch(new RegExp(`^${named(40)}`));

  const last = sorted.at(-1)!;
  await page.keyboard.press('Control+End');
  await expect.poll(() => active(page)).toMatch(new RegExp(`^${last.roleName} in ${last.accountName} `));
  await expect.poll(() => activeInView(page)).toBe(true);
  await page.keyboard.press('ArrowUp');
  const beforeLast = sorted.at(-2)!;
  await expect
    .poll(() => active(page))
    .toMatch(new RegExp(`^${beforeLast.roleName} in ${beforeLast.accountName} `));
  // The last account's header is drawn above its roles.
  await expect.poll(() => page.locator('.list__header').last().textContent()).toContain(last.accountName);

  await page.keyboard.press('Control+Home');
  await expect.poll(() => active(page)).toMatch(new RegExp(`^${named(favA!)}`));
  await expect.poll(() => activeInView(page)).toBe(true);
  // Paging down leaves the sections for roles under their account headers.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  const chosen = await active(page);
  expect(chosen).not.toMatch(/, favorite$/);
  expect(sorted.some((r) => chosen.startsWith(`${r.roleName} in ${r.accountName}`))).toBe(true);
  await expect.poll(() => activeInView(page)).toBe(true);

  // Scrolled by the wheel, far and then back a little: the rows at each place are drawn.
  await page.hover('.list-scroll');
  await page.mouse.wheel(0, 150_000);
  await expect
    .poll(() => page.evaluate(() => document.querySelector('.list-scroll')!.scrollTop))
    .toBeGreaterThan(0);
  await expect.poll(() => viewCovered(page)).toBe(true);
  await page.mouse.wheel(0, -700);
  await expect.poll(() => viewCovered(page)).toBe(true);
  // A search from far down: the shorter list is drawn where the view ends up.
  await page.focus('input[role=combobox]');
  await page.keyboard.type(sorted[0]!.accountName.slice(0, 6));
  await expect.poll(() => viewCovered(page)).toBe(true);
  await expect.poll(() => activeInView(page)).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
