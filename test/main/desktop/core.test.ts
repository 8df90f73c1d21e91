/**
 * The desktop core end to end in plain Node: the real sign-in, listing, credentials, console and
 * config code against the emulator, with recording fakes for the OS services.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createDesktopCore, type DesktopCore } from '../../../main/desktop/core';
import type { EventName, Events, IpcResult } from '../../../app/ipc/contract';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { fakeClock, fakePlatform, type FakePlatform } from '../../support/fakes';

const APP = 'http://127.0.0.1/app';
const org = {
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'prod',
      emailAddress: 'p@example.com',
      roles: ['Admin', 'ReadOnly'],
    },
    { accountId: '222222222222', accountName: 'dev', emailAddress: 'd@example.com', roles: ['Developer'] },
  ],
};

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ org, pollIntervalSeconds: 0, legacyTokenTtlSeconds: 20 * 60 });
});
afterAll(() => emu.close());

type Harness = {
  sb: Sandbox;
  core: DesktopCore;
  platform: FakePlatform;
  events: Array<[EventName, unknown]>;
};
let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) {
    await h.core.dispose();
    await h.sb.cleanup();
  }
  open = [];
});

async function harness(
  config: string,
  settings: FakePlatform['settings']['current'] | object = {},
): Promise<Harness> {
  const sb = await createSandbox({ config });
  sb.withEnv(emu.env);
  const platform = fakePlatform({ clock: fakeClock(Date.now()), settings });
  const core = createDesktopCore({
    paths: sb.paths,
    env: sb.env,
    platform,
    isTrustedSender: (u) => u === APP,
  });
  const events: Array<[EventName, unknown]> = [];
  core.onEvent((e, p) => events.push([e, p]));
  await core.start();
  const h = { sb, core, platform, events };
  open.push(h);
  return h;
}

const ssoConfig = `[sso-session work]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;

function waitFor<E extends EventName>(
  h: Harness,
  event: E,
  pred: (p: Events[E]) => boolean,
): Promise<Events[E]> {
  return new Promise((resolve) => {
    const seen = h.events.find(([e, p]) => e === event && pred(p as Events[E]));
    if (seen) return resolve(seen[1] as Events[E]);
    const stop = h.core.onEvent((e: EventName, p: unknown) => {
      if (e === event && pred(p as Events[E])) {
        stop();
        resolve(p as Events[E]);
      }
    });
  });
}

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

async function call<T>(h: Harness, command: string, payload: unknown): Promise<T> {
  const r = (await h.core.dispatch(command, payload, APP)) as IpcResult<T>;
  if (!r.ok) throw new Error(`${command}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function signIn(h: Harness, session = 'work') {
  expect(await call(h, 'signIn.currentPrompt', { session })).toBeNull();
  await call(h, 'auth.signIn', { session, flow: 'device' });
  const prompt = await waitFor(h, 'signIn.prompt', (p) => p.session === session && p.kind === 'device');
  if (prompt.kind !== 'device') throw new Error('expected a device prompt');
  // A window opened after the event can still ask for it; the complete URI stays in main.
  expect(await call(h, 'signIn.currentPrompt', { session })).toEqual(prompt);
  emu.control.approveDevice(prompt.userCode);
  await waitFor(h, 'signIn.prompt', (p) => p.session === session && p.kind === 'done');
  expect(await call(h, 'signIn.currentPrompt', { session })).toBeNull();
  return prompt;
}

describe('desktop core against the emulator', () => {
  it('signs in by device code, lists roles in the background, copies env and opens the console', async () => {
    const h = await harness(ssoConfig, { clipboardClearSeconds: 30 });
    expect(h.core.snapshot().sessions.map((s) => [s.session.name, s.state])).toEqual([
      ['work', 'signed-out'],
    ]);
    const prompt = await signIn(h);
    // openBrowser: the verification page (with the code) went to the opener, nothing else did.
    expect(h.platform.opener.opened[0]).toContain(prompt.userCode);
    expect(h.core.snapshot().sessions[0]!.state).toBe('signed-in');

    const updated = await waitFor(h, 'roles.updated', (p) => p.session === 'work' && p.roles.length === 3);
    expect(updated.roles.map((r) => `${r.accountName}/${r.roleName}`).sort()).toEqual([
      'dev/Developer',
      'prod/Admin',
      'prod/ReadOnly',
    ]);
    const roles = await call<unknown[]>(h, 'roles.get', { session: 'work' });
    expect(roles).toHaveLength(3);
    expect(
      h.events.some(([e, p]) => e === 'state.changed' && (p as Events['state.changed']).sessions[0]?.listing),
    ).toBe(true);

    const copied = await call<{ clearsInSeconds: number; format: string }>(h, 'roles.copyEnv', {
      session: 'work',
      accountId: '111111111111',
      roleName: 'Admin',
      format: 'posix',
    });
    expect(copied).toMatchObject({ clearsInSeconds: 30, format: 'posix' });
    expect(JSON.stringify(copied)).not.toMatch(/ASIA|secret/i);
    const issued = emu.control.issuedRoleCredentials().at(-1)!;
    expect(h.platform.clipboard.text).toContain(`export AWS_ACCESS_KEY_ID='${issued.accessKeyId}'`);
    expect(h.platform.clipboard.text).toMatch(/export AWS_SECRET_ACCESS_KEY=\S+/);
    expect(h.core.snapshot().settings.recents).toEqual(['work/111111111111/Admin']);

    await call(h, 'roles.openConsole', { session: 'work', accountId: '222222222222', roleName: 'Developer' });
    const url = h.platform.opener.opened.at(-1)!;
    expect(url.startsWith(`${emu.url}/`)).toBe(true);
    expect(url).toContain('Action%3Dlogin'); // logout-first wraps the federation login URL
    expect(h.core.snapshot().settings.recents[0]).toBe('work/222222222222/Developer');

    // The tray shows the recents with account names and acts on them.
    const tray = h.core.tray();
    expect(tray.icon).toBe('signed-in');
    expect(JSON.stringify(tray.menu)).toContain('dev / Developer');
    const before = h.platform.clipboard.calls.length;
    const r = await h.core.runTrayAction({
      type: 'copyEnv',
      role: { session: 'work', accountId: '222222222222', roleName: 'Developer' },
    });
    expect(r.result?.ok).toBe(true);
    expect(h.platform.clipboard.calls.length).toBeGreaterThan(before);
  });

  it('clears the clipboard after the delay only if it still holds what Lanyard put there', async () => {
    const h = await harness(ssoConfig, { clipboardClearSeconds: 30 });
    await signIn(h);
    const ref = { session: 'work', accountId: '111111111111', roleName: 'ReadOnly' };
    await call(h, 'roles.copyEnv', ref);
    h.platform.clock.advance(29_000);
    await Promise.resolve();
    expect(h.platform.clipboard.text).toContain('AWS_ACCESS_KEY_ID');
    h.platform.clock.advance(1_000);
    await new Promise((r) => setImmediate(r));
    expect(h.platform.clipboard.text).toBe('');

    await call(h, 'roles.copyEnv', ref);
    h.platform.clipboard.text = 'something the person copied';
    h.platform.clock.advance(30_000);
    await new Promise((r) => setImmediate(r));
    expect(h.platform.clipboard.text).toBe('something the person copied');
    expect(h.platform.clipboard.calls.filter((c) => c.op === 'clear')).toHaveLength(1);
  });

  it('clears copied credentials after 60 s by default', async () => {
    const h = await harness(ssoConfig);
    expect(h.core.snapshot().settings.clipboardClearSeconds).toBe(60);
    await signIn(h);
    const copied = await call<{ clearsInSeconds: number }>(h, 'roles.copyEnv', {
      session: 'work',
      accountId: '111111111111',
      roleName: 'ReadOnly',
    });
    expect(copied.clearsInSeconds).toBe(60);
    h.platform.clock.advance(59_000);
    await new Promise((r) => setImmediate(r));
    expect(h.platform.clipboard.text).toContain('AWS_ACCESS_KEY_ID');
    h.platform.clock.advance(1_000);
    await new Promise((r) => setImmediate(r));
    expect(h.platform.clipboard.text).toBe('');
  });

  it('previews and applies exactly the previewed profiles plan', async () => {
    const h = await harness(ssoConfig);
    await signIn(h);
    await waitFor(h, 'roles.updated', (p) => p.roles.length === 3);
    const plan = await call<{ planId: string; added: string[]; diff: string }>(h, 'profiles.plan', {
      session: 'work',
      roles: [{ accountId: '111111111111', roleName: 'Admin' }],
    });
    expect(plan.added).toEqual(['Admin-111111111111']);
    expect(plan.diff).toContain('+[profile Admin-111111111111]');
    expect(await h.sb.readConfig()).toBe(ssoConfig);
    const applied = await call<{ written: boolean }>(h, 'profiles.apply', { planId: plan.planId });
    expect(applied.written).toBe(true);
    const text = await h.sb.readConfig();
    expect(text.startsWith(ssoConfig)).toBe(true);
    expect(text).toContain('[profile Admin-111111111111]');
    const again = await h.core.dispatch('profiles.apply', { planId: plan.planId }, APP);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('toggles favorites and patches settings without resetting other fields', async () => {
    const h = await harness(ssoConfig);
    const ref = { session: 'work', accountId: '111111111111', roleName: 'Admin' };
    expect((await call<{ favorites: string[] }>(h, 'favorites.toggle', ref)).favorites).toEqual([
      'work/111111111111/Admin',
    ]);
    const s = await call<{ favorites: string[]; envFormat: string }>(h, 'settings.update', {
      envFormat: 'fish',
    });
    expect(s).toMatchObject({ envFormat: 'fish', favorites: ['work/111111111111/Admin'] });
    expect((await call<{ favorites: string[] }>(h, 'favorites.toggle', ref)).favorites).toEqual([]);
    const bad = await h.core.dispatch('settings.update', { clipboardClearSeconds: 5 }, APP);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(h.platform.settings.current.envFormat).toBe('fish');
  });

  it('warns ahead of the end of a non-refreshable sign-in and a click signs in again', async () => {
    const legacy = `[profile old]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = Admin\n`;
    const h = await harness(legacy);
    await signIn(h, 'old');
    await waitFor(h, 'roles.updated', (p) => p.session === 'old');
    await until(() => !h.core.snapshot().sessions[0]!.listing);
    const st = h.core.snapshot().sessions[0]!;
    expect(st.refreshable).toBe(false);
    // 20 minutes left: the 30-minute notice is due at once, the 5-minute one 15 minutes later.
    expect(h.platform.notifier.shown.map((n) => n.id)).toEqual(['expiry:old:30']);
    expect(h.platform.notifier.shown[0]!.title).toMatch(/^old: sign-in ends in (19|20) minutes$/);
    h.platform.clock.advance(15 * 60_000);
    expect(h.platform.notifier.shown.map((n) => n.id)).toEqual(['expiry:old:30', 'expiry:old:5']);
    expect(h.core.tray().icon).toBe('expiring');
    h.platform.notifier.click('expiry:old:5');
    expect(h.core.snapshot().sessions[0]!.signingIn).toBe(true);
    await call(h, 'auth.cancelSignIn', { session: 'old' });
    await until(() => !h.core.snapshot().sessions[0]!.signingIn);
    expect(h.core.snapshot().sessions[0]!.reason).toBeUndefined();
  });

  it('reports unknown sessions and refuses untrusted senders', async () => {
    const h = await harness(ssoConfig);
    expect(await h.core.dispatch('auth.signIn', { session: 'nope' }, APP)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_SESSION' },
    });
    expect(await h.core.dispatch('state.get', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(h.core.tray().menu.length).toBeGreaterThan(0);
  });

  it('adds a session on a non-portal start URL only when the window says it is a custom endpoint', async () => {
    const h = await harness('');
    const req = { name: 'corp', startUrl: 'https://sso.corp.example/start', region: 'us-east-1' };
    const refused = await h.core.dispatch('sessions.add', req, APP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(refused)).toContain('is not an AWS access portal URL');
    expect(await h.sb.readConfig().catch(() => '')).not.toContain('sso.corp.example');
    expect(await h.core.dispatch('sessions.add', { ...req, customEndpoint: true }, APP)).toMatchObject({
      ok: true,
    });
    expect(await h.sb.readConfig()).toContain('sso_start_url = https://sso.corp.example/start\n');
  });
});
