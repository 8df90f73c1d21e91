import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { tokenFileName, registrationFileName } from '../../../main/auth/cache-names';
import type { SignInPrompt } from '../../../main/auth/prompts';
import { createSignIn, type SessionManager } from '../../../main/auth/sign-in';
import { isLanyardError, type LanyardError } from '../../../app/errors';
import type { SsoSession } from '../../../app/domain/session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const startUrl = 'https://d-1234567890.awsapps.com/start';
const config = `[sso-session corp]
sso_start_url = ${startUrl}
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = ${startUrl}
sso_region = us-east-1
sso_account_id = 111111111111
sso_role_name = Admin
`;
const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const legacy: SsoSession = {
  name: 'legacy',
  kind: 'legacy-profile',
  startUrl,
  region: 'us-east-1',
  scopes: [],
};

let emulator: RunningEmulator;
let sandbox: Sandbox;
let opened: string[];
let clock: { offset: number };

beforeAll(async () => {
  clock = { offset: 0 };
  emulator = await startEmulator({ pollIntervalSeconds: 0, now: () => Date.now() + clock.offset });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  clock.offset = 0;
  opened = [];
  emulator.control.setAuthorizeMode('approve');
  emulator.control.resetCalls();
  sandbox = await createSandbox({ config, env: emulator.env });
});
afterEach(() => sandbox.cleanup());

/** A browser that follows the emulator's redirect back to Lanyard's loopback listener. */
async function browser(url: string): Promise<void> {
  opened.push(url);
  await fetch(url, { redirect: 'follow' });
}

function manager(overrides: Partial<Parameters<typeof createSignIn>[0]> = {}): SessionManager {
  return createSignIn({
    paths: sandbox.paths,
    env: sandbox.env,
    openUrl: browser,
    now: () => Date.now() + clock.offset,
    ...overrides,
  });
}

async function caught(p: Promise<unknown>): Promise<LanyardError> {
  try {
    await p;
  } catch (e) {
    if (isLanyardError(e)) return e;
    throw e;
  }
  throw new Error('expected a LanyardError');
}

async function tokenFile(s: SsoSession) {
  return JSON.parse(await readFile(sandbox.cacheFile(tokenFileName(s)), 'utf8')) as Record<string, string>;
}

describe('PKCE (the default for sso-sessions)', () => {
  test('signs in through the loopback redirect, writes the CLI token file and a reusable registration', async () => {
    const prompts: SignInPrompt[] = [];
    const m = manager();
    const changes: string[] = [];
    m.onChange((n) => changes.push(n));
    const result = await m.login('corp', { onPrompt: (p) => prompts.push(p) });
    expect(result.flow).toBe('pkce');
    expect(result.refreshable).toBe(true);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.kind).toBe('browser');
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe(`${emulator.url}/authorize`);
    expect([...url.searchParams.keys()]).toEqual([
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge_method',
      'scopes',
      'code_challenge',
    ]);
    expect(opened[0]).toMatch(
      /redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Foauth%2Fcallback&state=[0-9a-f-]{36}&/,
    );
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = await tokenFile(corp);
    expect(Object.keys(token)).toEqual([
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const reg = JSON.parse(await readFile(sandbox.cacheFile(registrationFileName(corp)), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(reg.grantTypes).toEqual(['authorization_code', 'refresh_token']);
    expect(reg.clientId).toBe(token.clientId);
    expect(await m.getAccessToken('corp')).toBe(token.accessToken);
    expect(changes).toContain('corp');

    // A second sign-in reuses the cached registration.
    await m.login('corp');
    expect(emulator.control.calls().RegisterClient).toBe(1);
  });

  test('a denied authorization and a closed browser are clear errors', async () => {
    emulator.control.setAuthorizeMode('deny');
    const denied = await caught(manager().login('corp'));
    expect(denied.code).toBe('SIGN_IN_DENIED');
    const quiet = manager({ openUrl: () => Promise.resolve(), pkceTimeoutMs: 50 });
    const timedOut = await caught(quiet.login('corp'));
    expect(timedOut.code).toBe('SIGN_IN_TIMED_OUT');
    await expect(readFile(sandbox.cacheFile(tokenFileName(corp)))).rejects.toThrow();
  });

  test('a wrong state from the browser is ignored (answered 400); the real answer still signs in', async () => {
    let forgedStatus = 0;
    const forgedThenReal = async (url: string) => {
      const u = new URL(url);
      const redirect = u.searchParams.get('redirect_uri')!;
      forgedStatus = (await fetch(`${redirect}?code=abc&state=00000000-0000-4000-8000-000000000000`)).status;
      await browser(url);
    };
    await manager({ openUrl: forgedThenReal }).login('corp');
    expect(forgedStatus).toBe(400);
  });

  test('cancelling stops the sign-in', async () => {
    const controller = new AbortController();
    const m = manager({ openUrl: () => Promise.resolve() });
    const p = m.login('corp', { signal: controller.signal, onPrompt: () => controller.abort() });
    expect((await caught(p)).code).toBe('CANCELLED');
  });

  test('concurrent logins share one sign-in', async () => {
    const m = manager();
    const [a, b] = await Promise.all([m.login('corp'), m.login('corp')]);
    expect(a).toBe(b);
    expect(opened).toHaveLength(1);
  });
});

describe('device code', () => {
  const approveOnPrompt = (p: SignInPrompt) => {
    if (p.kind === 'device') emulator.control.approveDevice(p.userCode);
  };

  test('legacy profiles use the device flow and get no refresh token', async () => {
    const prompts: SignInPrompt[] = [];
    const result = await manager().login('legacy', {
      onPrompt: (p) => {
        prompts.push(p);
        approveOnPrompt(p);
      },
    });
    expect(result.flow).toBe('device');
    expect(result.refreshable).toBe(false);
    const p = prompts[0]!;
    expect(p.kind).toBe('device');
    if (p.kind === 'device') {
      expect(p.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
      expect(opened).toEqual([p.verificationUriComplete]);
    }
    const token = await tokenFile(legacy);
    expect(token.refreshToken).toBeUndefined();
    expect(token.startUrl).toBe(startUrl);
  });

  test('--no-browser only reports; denial and expiry are clear errors', async () => {
    const seen: SignInPrompt[] = [];
    const denied = await caught(
      manager().login('corp', {
        flow: 'device',
        openBrowser: false,
        onPrompt: (p) => {
          seen.push(p);
          if (p.kind === 'device') emulator.control.denyDevice(p.userCode);
        },
      }),
    );
    expect(denied.code).toBe('SIGN_IN_DENIED');
    expect(opened).toEqual([]);
    expect(seen[0]!.kind === 'device' && !seen[0]!.opened).toBe(true);
    const expired = await caught(
      manager().login('corp', {
        flow: 'device',
        onPrompt: () => {
          clock.offset += 3_600_000;
        },
      }),
    );
    expect(expired.code).toBe('SIGN_IN_TIMED_OUT');
  });

  test('switching flows re-registers; a registration the service forgot is replaced once', async () => {
    await manager().login('corp');
    await manager().login('corp', { flow: 'device', onPrompt: approveOnPrompt });
    expect(emulator.control.calls().RegisterClient).toBe(2);
    const reg = JSON.parse(await readFile(sandbox.cacheFile(registrationFileName(corp)), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(reg.grantTypes).toBeUndefined();
    // Make the cached registration unknown to the service.
    await writeFile(
      sandbox.cacheFile(registrationFileName(corp)),
      JSON.stringify({ ...reg, clientId: 'forgotten-client' }),
    );
    await manager().login('corp', { flow: 'device', onPrompt: approveOnPrompt });
    expect(emulator.control.calls().RegisterClient).toBe(3);
  });
});

describe('tokens in use', () => {
  test('renews silently near expiry, once for concurrent callers, and writes the file', async () => {
    const m = manager();
    await m.login('corp');
    const before = await tokenFile(corp);
    clock.offset = 3_600_000 - 5 * 60_000; // 5 minutes left of a 1 h token
    const [a, b] = await Promise.all([m.getAccessToken('corp'), m.getAccessToken('corp')]);
    expect(a).toBe(b);
    expect(a).not.toBe(before.accessToken);
    expect((await tokenFile(corp)).accessToken).toBe(a);
    expect(emulator.control.calls().CreateToken).toBe(2);
  });

  test('without a refresh token the session expires with a reason', async () => {
    const m = manager();
    await m.login('legacy', {
      onPrompt: (p) => p.kind === 'device' && emulator.control.approveDevice(p.userCode),
    });
    clock.offset = 9 * 3_600_000;
    const err = await caught(m.getAccessToken('legacy'));
    expect(err.code).toBe('SESSION_EXPIRED');
    expect(err.message).toContain('no refresh token');
    const [status] = (await m.status()).filter((s) => s.session.name === 'legacy');
    expect(status!.state).toBe('expired');
    expect(status!.reason).toContain('no refresh token');
  });

  test('a rejected token is renewed once; when the portal session ended it is expired', async () => {
    const m = manager();
    await m.login('corp');
    const first = await m.getAccessToken('corp');
    emulator.control.revokeToken(first);
    const second = await m.refreshAfterRejection('corp', first);
    expect(second).not.toBe(first);
    emulator.control.endSessions();
    const err = await caught(m.refreshAfterRejection('corp', second));
    expect(err.code).toBe('SESSION_EXPIRED');
    const [status] = (await m.status()).filter((s) => s.session.name === 'corp');
    expect(status!.state).toBe('expired');
  });

  test('logout ends the portal session and deletes only the token file', async () => {
    const m = manager();
    await m.login('corp');
    const token = await tokenFile(corp);
    expect(await m.logout('corp')).toEqual({ wasSignedIn: true });
    expect(emulator.control.calls().Logout).toBe(1);
    await expect(readFile(sandbox.cacheFile(tokenFileName(corp)))).rejects.toThrow();
    await readFile(sandbox.cacheFile(registrationFileName(corp)));
    expect((await caught(m.getAccessToken('corp'))).code).toBe('NOT_SIGNED_IN');
    const fresh = await m.startFreshSession('corp');
    expect((await tokenFile(corp)).accessToken).not.toBe(token.accessToken);
    expect(fresh.flow).toBe('pkce');
  });
});

describe('edges', () => {
  test('a registration within 15 minutes of expiry is replaced', async () => {
    await manager().login('corp');
    const file = sandbox.cacheFile(registrationFileName(corp));
    const reg = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const soon = new Date(Date.now() + 14 * 60_000).toISOString().slice(0, 19) + 'Z';
    await writeFile(file, JSON.stringify({ ...reg, expiresAt: soon }));
    await manager().login('corp');
    expect(emulator.control.calls().RegisterClient).toBe(2);
    const renewed = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(renewed.clientId).not.toBe(reg.clientId);
  });

  test('a failed renewal is not retried within a minute, and status says why', async () => {
    const m = manager();
    await m.login('corp');
    emulator.control.endSessions();
    clock.offset = 3_600_000 + 60_000; // the access token has expired
    expect((await caught(m.getAccessToken('corp'))).code).toBe('SESSION_EXPIRED');
    const calls = emulator.control.calls().CreateToken;
    expect((await caught(m.getAccessToken('corp'))).code).toBe('SESSION_EXPIRED');
    expect(emulator.control.calls().CreateToken).toBe(calls);
    const [status] = await m.status();
    expect(status).toMatchObject({ state: 'expired', refreshable: true });
    expect(status!.reason).toContain('renewing it failed');
    expect(status!.usableUntil).toBe(status!.expiresAt);
  });

  test('cancelling a device sign-in while it polls', async () => {
    const m = manager();
    const p = m.login('corp', {
      flow: 'device',
      onPrompt: () => setTimeout(() => m.cancelLogin('corp'), 20),
    });
    expect((await caught(p)).code).toBe('CANCELLED');
  });

  test('logout still removes the token when the portal cannot be reached', async () => {
    await manager().login('corp');
    const m = manager({ env: { ...sandbox.env, AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:9' } });
    expect(await m.logout('corp')).toEqual({ wasSignedIn: true });
    expect((await caught(m.getAccessToken('corp'))).code).toBe('NOT_SIGNED_IN');
  });

  test('an unknown session is UNKNOWN_SESSION with the configured names', async () => {
    const err = await caught(manager().login('nope'));
    expect(err.code).toBe('UNKNOWN_SESSION');
    expect(err.details?.candidates).toEqual(['corp', 'legacy']);
  });
});
