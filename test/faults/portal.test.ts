import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SsoSession } from '../../app/domain/session';
import { createRoleDirectory, type RoleDirectory } from '../../main/accounts/directory';
import { createPortal } from '../../main/accounts/portal';
import { readRoleCache } from '../../main/accounts/role-cache';
import { consoleUrl } from '../../main/console/console-url';
import { createCredentialStore } from '../../main/credentials/role-credentials';
import { getSession } from '../../main/config/sessions';
import {
  assertCacheIntact,
  deviceLogin,
  rig,
  startSkewedEmulator,
  type Rig,
  type SkewedEmulator,
} from './support/harness';

// Fault matrix, listing / credentials / console rows. One signed-in session; the emulator misbehaves.
let emu: SkewedEmulator;
let r: Rig;
let session: SsoSession;
const ACCOUNTS = 15;

function tools(env = r.sb.env, endpoints?: { oidc?: string; portal?: string }) {
  const portal = createPortal({
    tokenSource: r.signIn,
    env,
    endpoints,
    http: { requestTimeoutMs: 400, connectionTimeoutMs: 400 },
  });
  const directory: RoleDirectory = createRoleDirectory({ paths: r.sb.paths, portal });
  const credentials = createCredentialStore(portal);
  return { portal, directory, credentials };
}

const expectedRoles = () => emu.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);

beforeAll(async () => {
  emu = await startSkewedEmulator({
    pollIntervalSeconds: 0,
    org: { generate: { accounts: ACCOUNTS, rolesPerAccount: [1, 3], seed: 21 } },
    pageSize: 4,
  });
  r = await rig(emu);
  await deviceLogin(r, emu);
  session = await getSession(r.sb.paths, 'corp');
});
afterEach(() => {
  emu.control.setFaults({});
  emu.control.setThrottle(false);
  emu.control.resetCalls();
});
afterAll(async () => {
  await emu?.close();
  await r?.sb.cleanup();
});

describe('listing under faults', () => {
  it.each([
    ['429 storm (30%)', { throttleRate: 0.3, seed: 2 }],
    ['5xx (30%)', { serverErrorRate: 0.3, seed: 3 }],
    ['timeouts (10%)', { timeoutRate: 0.1, seed: 4 }],
    ['malformed JSON (20%)', { malformedRate: 0.2, seed: 5 }],
  ])('%s: retried under the limiter; the listing is complete and exact', async (_name, faults) => {
    emu.control.setFaults({ ...faults, operations: ['ListAccounts', 'ListAccountRoles'] });
    const { directory } = tools();
    const out = await directory.refresh(session);
    expect(out.accounts).toHaveLength(ACCOUNTS);
    expect(out.roles).toHaveLength(expectedRoles());
    expect(out.stats.retries).toBeGreaterThan(0);
  });

  it('slow responses (150 ms each): completes', async () => {
    emu.control.setLatency(150);
    try {
      const out = await tools().directory.refresh(session);
      expect(out.roles).toHaveLength(expectedRoles());
    } finally {
      emu.control.setLatency(0);
    }
  });

  it('a real token bucket (5/s, burst 5) throttling a 15-account listing: slows down, completes', async () => {
    emu.control.setThrottle({ ratePerSecond: 5, burst: 5 });
    const { directory } = tools();
    const out = await directory.refresh(session);
    expect(out.roles).toHaveLength(expectedRoles());
  });

  it('token revoked mid-listing: one silent refresh, the listing resumes and completes', async () => {
    const { directory } = tools();
    let revoked = false;
    const out = await directory.refresh(session, {
      onAccounts: () => {
        if (revoked) return;
        revoked = true;
        emu.control.revokeAll(); // access tokens only: the refresh token still works
      },
    });
    expect(revoked).toBe(true);
    expect(out.roles).toHaveLength(expectedRoles());
    expect(emu.control.calls().CreateToken).toBe(1);
  });

  it('session ended mid-listing: SESSION_EXPIRED "sign in again", the previous role cache is kept', async () => {
    const before = await readRoleCache(r.sb.paths, session);
    expect(before?.roles.length).toBe(expectedRoles());
    const { directory } = tools();
    let ended = false;
    const err = await directory
      .refresh(session, {
        onAccounts: () => {
          if (ended) return;
          ended = true;
          emu.control.endSessions();
          emu.control.revokeAll();
        },
      })
      .catch((e: unknown) => e);
    // back to a working session for the tests below, whatever happens here
    await deviceLogin(r, emu);
    expect(err).toMatchObject({
      code: 'SESSION_EXPIRED',
      details: { hint: expect.stringMatching(/sign in again/i) as unknown },
    });
    expect(await readRoleCache(r.sb.paths, session)).toEqual(before);
    await assertCacheIntact(r.sb);
  });
});

describe('credentials under faults', () => {
  it('5xx and 429 now and then: credentials arrive', async () => {
    emu.control.setFaults({
      serverErrorRate: 0.3,
      throttleRate: 0.3,
      operations: ['GetRoleCredentials'],
      seed: 9,
    });
    const { credentials } = tools();
    const a = emu.control.org().accounts[0]!;
    const c = await credentials.get(session, a.accountId, a.roles[0]!);
    expect(emu.control.issuedRoleCredentials().map((x) => x.accessKeyId)).toContain(c.accessKeyId);
  });

  it('a role that is not assigned: FORBIDDEN naming role and account', async () => {
    const { credentials } = tools();
    const a = emu.control.org().accounts[0]!;
    await expect(credentials.get(session, a.accountId, 'NotMyRole')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('NotMyRole') as unknown,
    });
  });

  it('token revoked: refreshed once, credentials arrive', async () => {
    emu.control.revokeAll();
    const { credentials } = tools();
    const a = emu.control.org().accounts[1]!;
    await expect(credentials.get(session, a.accountId, a.roles[0]!)).resolves.toMatchObject({
      accessKeyId: expect.any(String) as unknown,
    });
    expect(emu.control.calls().CreateToken).toBe(1);
  });
});

describe('console under faults', () => {
  it('GetRoleCredentials and federation 5xx now and then: a login URL on the federation host', async () => {
    emu.control.setFaults({ serverErrorRate: 0.3, operations: ['GetRoleCredentials'], seed: 11 });
    const { credentials } = tools();
    const a = emu.control.org().accounts[2]!;
    const url = await consoleUrl(
      { session, accountId: a.accountId, roleName: a.roles[0]! },
      { credentials, env: r.sb.env, federationUrl: emu.url },
    );
    expect(new URL(url).origin).toBe(emu.url);
    expect(url).toMatch(/Action=login/);
  });
});

describe('offline (connection refused)', () => {
  it('listing says NETWORK, names the endpoint, keeps the cache', async () => {
    const before = await readRoleCache(r.sb.paths, session);
    const { directory } = tools(r.sb.env, { portal: 'http://127.0.0.1:9' });
    const err = await directory.refresh(session).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('127.0.0.1:9') as unknown,
    });
    expect(await readRoleCache(r.sb.paths, session)).toEqual(before);
  }, 60_000);
});
