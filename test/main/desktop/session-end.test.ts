/**
 * A renewing session's end in the desktop core: an emulator whose sessions last ten minutes, lead
 * times scaled to 5 and 2 minutes, one hand-moved clock shared by the emulator and the core.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createDesktopCore, type DesktopCore } from '../../../main/desktop/core';
import type { EventName, Events } from '../../../app/ipc/contract';
import { intlClock } from '../../../app/schedule/end-text';
import { shortDuration } from '../../../app/format/duration';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { fakeClock, fakePlatform, type FakePlatform } from '../../support/fakes';

const APP = 'http://127.0.0.1/app';
const MIN = 60_000;
const trayClock = intlClock('en-GB', 'UTC');
/** The tray's words for the current session's end: "work: signed in, ends 17:40, 9m left". */
const clock = fakeClock(Math.floor(Date.now() / 1000) * 1000);
const trayEnd = () => {
  const end = Date.parse(session().usableUntil!);
  return `work: signed in, ends ${trayClock(end, false)}, ${shortDuration(end - clock.now())} left`;
};
const config = `[sso-session work]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
let emu: RunningEmulator;
let sb: Sandbox;
let core: DesktopCore;
let platform: FakePlatform;

beforeAll(async () => {
  emu = await startEmulator({ pollIntervalSeconds: 0, now: clock.now, sessionTtlSeconds: 600 });
});
afterAll(() => emu.close());
afterEach(async () => {
  await core.dispose();
  await sb.cleanup();
});

async function start(settings: object) {
  sb = await createSandbox({ config });
  sb.withEnv(emu.env);
  platform = fakePlatform({ clock, settings });
  core = createDesktopCore({
    paths: sb.paths,
    env: sb.env,
    platform,
    isTrustedSender: (u) => u === APP,
    clockText: trayClock,
  });
  await core.start();
}

async function until(cond: () => boolean): Promise<void> {
  const give = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > give)
      throw new Error(`gave up waiting; session: ${JSON.stringify(session())}; shown: ${ids().join(', ')}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function nextPrompt(kind: 'device' | 'done'): Promise<Events['signIn.prompt']> {
  return new Promise((resolve) => {
    const stop = core.onEvent((e: EventName, p: unknown) => {
      const prompt = p as Events['signIn.prompt'];
      if (e === 'signIn.prompt' && prompt.kind === kind) {
        stop();
        resolve(prompt);
      }
    });
  });
}

/** Approves the device code the running sign-in shows and waits for it to finish. */
async function approveSignIn() {
  const prompt = await nextPrompt('device');
  const done = nextPrompt('done');
  if (prompt.kind === 'device') emu.control.approveDevice(prompt.userCode);
  await done;
  await until(() => session().state === 'signed-in' && !session().signingIn && !session().listing);
}

const session = () => core.snapshot().sessions[0]!;
const ids = () => platform.notifier.shown.map((n) => n.id);

it('warns at the lead times, a click starts a fresh session, the window and tray show the new end; one notice at the end', async () => {
  await start({
    notifyLeadMinutes: [5, 2],
    signInFlow: 'device',
    sessionDefaults: { work: { sessionLengthSeconds: 600 } },
  });
  const r = await core.dispatch('auth.signIn', { session: 'work' }, APP);
  expect(r.ok).toBe(true);
  const t0 = clock.now();
  await approveSignIn();
  expect(session()).toMatchObject({
    refreshable: true,
    usableUntilSource: 'configured',
    usableUntilEstimate: false,
  });
  expect(Date.parse(session().usableUntil!)).toBe(t0 + 10 * MIN);
  expect(core.tray().tooltip).toBe(`Lanyard\n${trayEnd()}`);

  clock.advance(5 * MIN);
  await until(() => ids().includes('expiry:work:5'));
  const warning = platform.notifier.shown.find((n) => n.id === 'expiry:work:5')!;
  expect(warning).toMatchObject({
    title: 'work: sign-in ends in 5 minutes',
    actionLabel: 'Start Fresh Session',
  });
  await until(() => !session().listing);
  expect(core.tray().icon).toBe('expiring');

  // The click signs out and in again: a new session, counted from now.
  const fresh = approveSignIn();
  platform.notifier.click('expiry:work:5');
  expect(session().signingIn).toBe(true);
  await fresh;
  const t1 = clock.now();
  await until(() => Date.parse(session().usableUntil!) === t1 + 10 * MIN);
  expect(core.tray().tooltip).toBe(`Lanyard\n${trayEnd()}`);
  expect(core.tray().menu.find((i) => i.id === 'session:work')?.label).toBe(trayEnd().replace(': ', ' — '));

  // Asleep through both lead times: one notice on waking, not two.
  clock.jump(9 * MIN);
  const before = ids().length;
  core.replan();
  await until(() => ids().length > before);
  expect(ids().slice(before)).toEqual(['expiry:work:2']);

  // At the end Identity Center refuses the renewal: one "ended" notice, offering to sign in.
  clock.advance(2 * MIN);
  await until(() => session().state === 'expired' && ids().includes('expiry:work:0'));
  clock.advance(5 * MIN);
  await new Promise((r) => setTimeout(r, 50));
  expect(ids().filter((i) => i === 'expiry:work:0')).toHaveLength(1);
  expect(platform.notifier.shown.find((n) => n.id === 'expiry:work:0')).toMatchObject({
    actionLabel: 'Sign In',
  });
  expect(core.tray().icon).toBe('expired');
});
