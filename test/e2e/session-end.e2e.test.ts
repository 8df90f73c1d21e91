/**
 * A renewing session's end in the window, the tray and the notices: the BUILT renderer in Chromium on
 * the real desktop core, an emulator whose sessions last ten minutes, lead times scaled to 5 and 2
 * minutes, and one hand-moved clock shared by the emulator and the core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { createDesktopCore, type DesktopCore } from '../../main/desktop/core';
import { intlClock } from '../../app/schedule/end-text';
import { buildRenderer, launchChromium, serveStatic, type StaticServer } from '../support/browser';
import { openCoreWindow } from '../support/core-window';
import { fakeClock, fakePlatform, type FakePlatform } from '../support/fakes';
import { createSandbox, type Sandbox } from '../support/sandbox';

const MIN = 60_000;
const config = `[sso-session work]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const clock = fakeClock(Math.floor(Date.now() / 1000) * 1000);

let emu: RunningEmulator;
let sb: Sandbox;
let server: StaticServer;
let browser: Browser;
let page: Page;
let core: DesktopCore;
let platform: FakePlatform;
let buildDir: string;

beforeAll(async () => {
  // The production bundle users get, in a folder of its own.
  buildDir = await mkdtemp(join(tmpdir(), 'lanyard-e2e-renderer-'));
  const dist = await buildRenderer(buildDir);
  emu = await startEmulator({ pollIntervalSeconds: 0, now: clock.now, sessionTtlSeconds: 600 });
  sb = await createSandbox({ config });
  sb.withEnv(emu.env);
  server = await serveStatic(dist);
  platform = fakePlatform({
    clock,
    settings: {
      notifyLeadMinutes: [5, 2],
      signInFlow: 'device',
      sessionDefaults: { work: { sessionLengthSeconds: 600 } },
    },
  });
  core = createDesktopCore({
    paths: sb.paths,
    env: sb.env,
    platform,
    isTrustedSender: (url) => url.startsWith(`${new URL(server.url).origin}/`),
  });
  await core.start();
  browser = await launchChromium();
  ({ page } = await openCoreWindow(core, browser));
  await page.goto(server.url);
}, 180_000);

afterAll(async () => {
  await core?.dispose();
  await browser?.close();
  await server?.close();
  await emu?.close();
  await sb?.cleanup();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

/** Approves the device code the window shows, as the person would in the emulator's page. */
async function approveShownCode(): Promise<void> {
  await expect.poll(() => emu.control.pendingDeviceCodes().length, { timeout: 20_000 }).toBeGreaterThan(0);
  for (const d of emu.control.pendingDeviceCodes()) emu.control.approveDevice(d.userCode);
}

/** The session's chip: its state text says when the session ends; its title, how that was worked out. */
const chip = () => page.getByRole('navigation', { name: 'Sessions' }).locator('.chip').first();
const ends = () => chip().locator('.chip__state');
/** The tray's words for the session's end, in this machine's zone as the core's default clock. */
const trayEnd = () =>
  `work: signed in, ends ${intlClock()(Date.parse(core.snapshot().sessions[0]!.usableUntil!), false)}`;

it('the warning arrives, its click starts a fresh sign-in, and the window and tray show the new end', async () => {
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await approveShownCode();
  await expect.poll(() => ends().textContent(), { timeout: 20_000 }).toMatch(/^ends \d\d:\d\d, in (9|10) m$/);
  expect(await chip().getAttribute('title')).toMatch(
    /Signed in with Lanyard; sessions last 10 m \(your setting\)/,
  );
  const firstEnd = await ends().textContent();

  clock.advance(5 * MIN);
  await expect
    .poll(() => platform.notifier.shown.map((n) => n.id), { timeout: 10_000 })
    .toContain('expiry:work:5');
  expect(core.tray().tooltip).toContain(trayEnd());

  platform.notifier.click('expiry:work:5');
  await approveShownCode();
  const t1 = clock.now();
  await expect
    .poll(() => Date.parse(core.snapshot().sessions[0]!.usableUntil ?? ''), { timeout: 20_000 })
    .toBe(t1 + 10 * MIN);
  // The window counts on the real clock, the core on the moved one: compare the clock time it shows.
  const newEnd = `ends ${intlClock()(t1 + 10 * MIN, false)}`;
  await expect.poll(() => ends().textContent(), { timeout: 10_000 }).toContain(newEnd);
  expect(await ends().textContent()).not.toBe(firstEnd);
  expect(core.tray().tooltip).toContain(trayEnd());
  expect(trayEnd()).toContain(newEnd.slice('Ends '.length));
}, 120_000);
