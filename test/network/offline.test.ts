import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { main } from '../../main/cli/main';
import type { CliContext } from '../../main/cli/context';
import { createDesktopCore } from '../../main/desktop/core';
import { fakeClock, fakePlatform } from '../support/fakes';
import { createSandbox, type Sandbox } from '../support/sandbox';
import { startNetSwitch, type NetSwitch } from './support/net-switch';

// The network goes away (connections refused) and comes back on the same address: a TCP relay in front of
// the emulator is unplugged, so the emulator keeps its sessions as a real Identity Center would.
const START_URL = 'https://d-9000000030.awsapps.com/start';
const config = `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const org = {
  accounts: [
    { accountId: '111111111111', accountName: 'prod', emailAddress: 'p@example.com', roles: ['Admin'] },
    { accountId: '222222222222', accountName: 'dev', emailAddress: 'd@example.com', roles: ['Developer'] },
  ],
};
const APP = 'http://127.0.0.1/app';

let emu: RunningEmulator;
let net: NetSwitch;
let sb: Sandbox;
let env: Record<string, string>;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    paths: sb.paths,
    env,
    stdout: { write: (t: string) => void (out += t) },
    stderr: { write: (t: string) => void (err += t) },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
  };
  return { code: await main(argv, ctx), out, err };
}

beforeAll(async () => {
  emu = await startEmulator({ org, autoApprove: true, pollIntervalSeconds: 0, throttle: false });
  net = await startNetSwitch(emu.url);
  sb = await createSandbox({ config });
  env = {
    ...sb.env,
    AWS_ENDPOINT_URL_SSO_OIDC: net.url,
    AWS_ENDPOINT_URL_SSO: net.url,
    LANYARD_FEDERATION_URL: net.url,
  };
  // Online first: sign in and list, so there is a role cache.
  expect((await cli('login', '--device-code', '--no-browser')).code).toBe(0);
  expect((await cli('roles', '--refresh')).code).toBe(0);
  await net.offline();
});
afterAll(async () => {
  await net?.close();
  await emu?.close();
  await sb?.cleanup();
});

describe('offline at start, then back', () => {
  it('CLI: cached roles still show; network actions say NETWORK (exit 5) with the endpoint; all works once back', async () => {
    const cached = await cli('roles', '--json');
    expect(cached.code).toBe(0);
    expect(cached.out).toContain('Developer');

    const env1 = await cli('env', 'prod', 'Admin');
    expect(env1.code).toBe(5);
    expect(env1.err).toContain(`cannot reach`);
    expect(env1.err).toContain(new URL(net.url).host);
    expect(env1.err).not.toMatch(/unexpected error|at .*\.ts:\d+/); // a message, not a stack

    const listing = await cli('roles', '--refresh');
    expect(listing.code).toBe(5);
    expect(listing.err).toMatch(/cannot reach|network/i);

    await net.online();
    expect((await cli('env', 'prod', 'Admin')).out).toMatch(/AWS_SECRET_ACCESS_KEY=/);
    expect((await cli('roles', '--refresh')).code).toBe(0);
    await net.offline();
  }, 60_000);

  it('desktop core: cached roles, offline banner on a NETWORK error, back online on the next success', async () => {
    // The core's clock is the app's clock (token ends, notices): today, as the token was written.
    const platform = fakePlatform({ clock: fakeClock(Date.now()) });
    const core = createDesktopCore({ paths: sb.paths, env, platform, isTrustedSender: (u) => u === APP });
    const call = (c: string, p: unknown) => core.dispatch(c, p, APP);
    try {
      await core.start();
      const roles = await call('roles.get', { session: 'corp' });
      expect(roles.ok && (roles.value as unknown[]).length).toBe(2);

      const copy = await call('roles.copyEnv', {
        session: 'corp',
        accountId: '222222222222',
        roleName: 'Developer',
      });
      expect(copy).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
      expect(core.snapshot().online).toBe(false);
      expect(platform.clipboard.text).toBe('');

      await net.online();
      const again = await call('roles.copyEnv', {
        session: 'corp',
        accountId: '222222222222',
        roleName: 'Developer',
      });
      expect(again.ok).toBe(true);
      expect(core.snapshot().online).toBe(true);
      expect(platform.clipboard.text).toMatch(/AWS_SECRET_ACCESS_KEY=/);
    } finally {
      await core.dispose();
    }
  }, 60_000);
});
