import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcResult } from '../../app/ipc/contract';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { main } from '../../main/cli/main';
import type { CliContext } from '../../main/cli/context';
import { createDesktopCore, type DesktopCore } from '../../main/desktop/core';
import { addLogSink, formatRecord, setLogLevel } from '../../main/log/logger';
import { startCanaryFront, type CanaryFront, type SecretMember } from '../network/support/canary-front';
import { fakePlatform, type FakePlatform } from '../support/fakes';
import { createSandbox, type Sandbox } from '../support/sandbox';

// Every secret Lanyard receives is a canary (see canary-front.ts). Whatever it does, no canary may reach
// a log line (debug level, recorded), an error message, an IPC result or event, or CLI output other than
// the explicit credential outputs (`env`, `credential-process`) and a console URL asked for with --print.
const START_URL = 'https://d-9000000020.awsapps.com/start';
const config = `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
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
const APP = 'http://127.0.0.1/app';

let emu: RunningEmulator;
let front: CanaryFront;
const logs: string[] = [];
let stopLogs: () => void;

beforeAll(async () => {
  emu = await startEmulator({ org, autoApprove: true, pollIntervalSeconds: 0, throttle: false });
  front = await startCanaryFront(emu.url);
  setLogLevel('debug');
  stopLogs = addLogSink((r) => logs.push(formatRecord(r)));
});
afterAll(async () => {
  stopLogs?.();
  setLogLevel('info');
  await Promise.all([emu?.close(), front?.close()]);
});

function envFor(sb: Sandbox): Record<string, string> {
  return {
    ...sb.env,
    AWS_ENDPOINT_URL_SSO_OIDC: front.url,
    AWS_ENDPOINT_URL_SSO: front.url,
    LANYARD_FEDERATION_URL: front.url,
  };
}

/** Canaries of the given members found in `text`. */
function leaks(text: string, members?: SecretMember[]): string[] {
  return front
    .canaries()
    .filter((c) => (!members || members.includes(c.member)) && text.includes(c.value))
    .map((c) => c.member);
}
const ALL: SecretMember[] | undefined = undefined;
const NOT_CREDENTIALS: SecretMember[] = [
  'accessToken',
  'refreshToken',
  'clientSecret',
  'deviceCode',
  'SigninToken',
];

type Run = { code: number; out: string; err: string };

describe('CLI in-process', () => {
  let sb: Sandbox;
  const opened: string[] = [];
  beforeAll(async () => {
    sb = await createSandbox({ config });
  });
  afterAll(() => sb?.cleanup());

  async function cli(...argv: string[]): Promise<Run> {
    let out = '';
    let err = '';
    const ctx: CliContext = {
      paths: sb.paths,
      env: envFor(sb),
      stdout: { write: (t: string) => void (out += t) },
      stderr: { write: (t: string) => void (err += t) },
      openUrl: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      signal: new AbortController().signal,
      now: Date.now,
    };
    const code = await main(['--verbose', ...argv], ctx);
    return { code, out, err };
  }

  it('keeps every canary out of logs, stderr and non-credential stdout', async () => {
    const runs: Array<[string, Run, SecretMember[] | undefined]> = [];
    const run = async (allowed: SecretMember[] | undefined, ...argv: string[]) => {
      const r = await cli(...argv);
      runs.push([argv.join(' '), r, allowed]);
      return r;
    };
    expect((await run(ALL, 'login', '--session', 'corp', '--device-code', '--no-browser')).code).toBe(0);
    expect((await run(ALL, 'status', '--json')).code).toBe(0);
    expect((await run(ALL, 'roles', '--refresh', '--json')).code).toBe(0);
    const env = await run(NOT_CREDENTIALS, 'env', 'prod', 'Admin');
    expect(env.code).toBe(0);
    expect(leaks(env.out, ['secretAccessKey', 'sessionToken'])).toHaveLength(2); // the canaries did flow
    const cp = await run(
      NOT_CREDENTIALS,
      'credential-process',
      '--account',
      '222222222222',
      '--role',
      'Developer',
    );
    expect(cp.code).toBe(0);
    const printed = await run(
      ['accessToken', 'refreshToken', 'clientSecret', 'deviceCode'],
      'console',
      'prod',
      'ReadOnly',
      '--print',
    );
    expect(printed.code).toBe(0);
    expect((await run(ALL, 'console', 'prod', 'Admin')).code).toBe(0);
    expect(opened.length).toBe(1);
    expect((await run(ALL, 'profiles', '--write')).code).toBe(0);
    // error paths: unknown role, then a session the portal no longer honours
    expect((await run(ALL, 'env', 'prod', 'NoSuchRole')).code).not.toBe(0);
    emu.control.revokeAll();
    emu.control.endSessions();
    expect((await run(ALL, 'roles', '--refresh')).code).not.toBe(0);
    // Role credentials already fetched are served from ~/.aws/cli/cache until they expire, as for
    // `aws`: without that cache the call must reach the portal, which now refuses.
    await rm(join(sb.home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
    expect((await run(ALL, 'env', 'prod', 'ReadOnly')).code).not.toBe(0);
    expect((await run(ALL, 'logout')).code).toBe(0);

    expect(front.canaries().map((c) => c.member)).toEqual(
      expect.arrayContaining([
        'accessToken',
        'refreshToken',
        'clientSecret',
        'secretAccessKey',
        'sessionToken',
        'SigninToken',
      ]),
    );
    for (const [what, r, allowed] of runs) {
      expect({ what, stderr: leaks(r.err) }).toEqual({ what, stderr: [] });
      const disallowed = allowed ?? front.canaries().map((c) => c.member);
      expect({ what, stdout: leaks(r.out, disallowed) }).toEqual({ what, stdout: [] });
    }
    expect(leaks(logs.join('\n'))).toEqual([]);
    expect(logs.length).toBeGreaterThan(0); // the recorder was really attached
  });
});

describe('desktop core', () => {
  let sb: Sandbox;
  let core: DesktopCore;
  let platform: FakePlatform;
  const seen: string[] = [];
  beforeAll(async () => {
    sb = await createSandbox({ config });
    platform = fakePlatform({ clock: undefined });
    core = createDesktopCore({
      paths: sb.paths,
      env: envFor(sb),
      platform,
      isTrustedSender: (u) => u === APP,
    });
    core.onEvent((e, p) => seen.push(`${e} ${JSON.stringify(p)}`));
    await core.start();
  });
  afterAll(async () => {
    await core?.dispose();
    await sb?.cleanup();
  });

  async function dispatch(command: string, payload: unknown): Promise<IpcResult<unknown>> {
    const r = await core.dispatch(command, payload, APP);
    seen.push(`${command} -> ${JSON.stringify(r)}`);
    return r;
  }
  async function until(cond: () => boolean): Promise<void> {
    while (!cond()) await new Promise((r) => setTimeout(r, 5));
  }

  it('keeps every canary out of IPC results, events and logs', async () => {
    emu.control.resetCalls();
    expect((await dispatch('auth.signIn', { session: 'corp', flow: 'device' })).ok).toBe(true);
    await until(() => core.snapshot().sessions[0]?.state === 'signed-in');
    await dispatch('roles.get', { session: 'corp', refresh: true });
    await until(() => seen.some((s) => s.startsWith('roles.updated') && s.includes('Developer')));
    const ref = { session: 'corp', accountId: '111111111111', roleName: 'Admin' };
    expect((await dispatch('roles.copyEnv', { ...ref, format: 'posix' })).ok).toBe(true);
    expect(leaks(platform.clipboard.text, ['secretAccessKey', 'sessionToken'])).toHaveLength(2);
    expect((await dispatch('roles.openConsole', ref)).ok).toBe(true);
    // logout-first is on by default: the login URL rides inside the sign-out redirect
    expect(platform.opener.opened.map((u) => new URL(u).origin)).toEqual([front.url]);
    expect(leaks(platform.opener.opened.join(' '))).toEqual(['SigninToken']);
    const plan = await dispatch('profiles.plan', { session: 'corp' });
    expect(plan.ok).toBe(true);
    if (plan.ok) await dispatch('profiles.apply', { planId: (plan.value as { planId: string }).planId });
    await dispatch('state.get', {});
    // errors: a role that is not assigned, then a dead session
    expect((await dispatch('roles.copyEnv', { ...ref, roleName: 'NotMine' })).ok).toBe(false);
    emu.control.revokeAll();
    emu.control.endSessions();
    expect(
      (await dispatch('roles.copyEnv', { ...ref, accountId: '222222222222', roleName: 'Developer' })).ok,
    ).toBe(false);
    await dispatch('auth.signOut', { session: 'corp' });

    expect(leaks(seen.join('\n'))).toEqual([]);
    expect(leaks(logs.join('\n'))).toEqual([]);
  });
});

describe('URLs Lanyard opens are checked', () => {
  let evil: RunningEmulator;
  let sb: Sandbox;
  beforeAll(async () => {
    // A compromised or spoofed endpoint sends people to a look-alike page.
    evil = await startEmulator({ org, pollIntervalSeconds: 0, verificationBaseUrl: 'https://evil.example' });
    sb = await createSandbox({ config });
  });
  afterAll(async () => {
    await evil?.close();
    await sb?.cleanup();
  });

  it('refuses a device verification page on an unexpected host (CLI): clear message, nothing opened', async () => {
    let err = '';
    const opened: string[] = [];
    const code = await main(['login', '--device-code'], {
      paths: sb.paths,
      env: { ...sb.env, ...evil.env },
      stdout: { write: () => undefined },
      stderr: { write: (t: string) => void (err += t) },
      openUrl: (u) => {
        opened.push(u);
        return Promise.resolve();
      },
      signal: new AbortController().signal,
      now: Date.now,
    });
    expect(code).not.toBe(0);
    expect(err).toMatch(/Refusing to open https:\/\/evil\.example/);
    expect(opened).toEqual([]);
    const files = [...(await sb.snapshot())];
    expect(
      files.filter(([name, f]) => name.includes('sso/cache') && f.content.includes('accessToken')),
    ).toEqual([]);
  });

  it('refuses it in the desktop core too: an error result, no prompt with the URL, nothing opened', async () => {
    const platform = fakePlatform();
    const core = createDesktopCore({ paths: sb.paths, env: { ...sb.env, ...evil.env }, platform });
    const events: string[] = [];
    core.onEvent((e, p) => events.push(`${e} ${JSON.stringify(p)}`));
    try {
      await core.start();
      const r = await core.dispatch('auth.signIn', { session: 'corp', flow: 'device' }, APP);
      const deadline = Date.now() + 5_000;
      while (
        !events.some((e) => e.includes('URL_NOT_ALLOWED') || e.includes('Refusing')) &&
        Date.now() < deadline &&
        r.ok
      )
        await new Promise((res) => setTimeout(res, 10));
      const all = `${JSON.stringify(r)}\n${events.join('\n')}`;
      expect(all).toMatch(/Refusing to open https:\/\/evil\.example|URL_NOT_ALLOWED/);
      expect(all).not.toMatch(/"verificationUri(Complete)?":"https:\/\/evil/);
      expect(platform.opener.opened).toEqual([]);
    } finally {
      await core.dispose();
    }
  });
});
