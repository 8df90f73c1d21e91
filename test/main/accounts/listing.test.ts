import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { ListingProgress, RoleEntry } from '../../../app/domain/accounts';
import { createPortal } from '../../../main/accounts/portal';
import { createRoleDirectory } from '../../../main/accounts/directory';
import { roleCacheFile } from '../../../main/accounts/role-cache';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { emulatorTokenSource, session } from '../../support/portal-session';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LanyardError } from '../../../app/errors';

let emu: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emu = await startEmulator({ org: { generate: { accounts: 30, rolesPerAccount: [1, 4], seed: 7 } } });
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  emu.control.setFaults({});
  emu.control.setThrottle({ ratePerSecond: 20, burst: 20 });
  await sandbox?.cleanup();
});

function expected(): number {
  return emu.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);
}

async function setup(rate = 20, requestTimeoutMs = 10_000) {
  sandbox = await createSandbox();
  const tokens = emulatorTokenSource(emu.control);
  const portal = createPortal({
    tokenSource: tokens,
    endpoints: { portal: emu.url },
    env: {},
    rate: { ratePerSecond: rate },
    http: { requestTimeoutMs },
  });
  return { tokens, portal, directory: createRoleDirectory({ paths: sandbox.paths, portal }) };
}

describe('listing accounts and roles', () => {
  test('every role, progressively, with progress events, cached 0600 and read back', async () => {
    const { directory } = await setup(100);
    expect(await directory.cached(session)).toBeUndefined();
    const progress: ListingProgress[] = [];
    const perAccount: string[] = [];
    const pages: number[] = [];
    const result = await directory.refresh(session, {
      pageSize: 7,
      onProgress: (p) => progress.push(p),
      onAccounts: (a) => pages.push(a.length),
      onRoles: (a, roles) => {
        perAccount.push(a.accountId);
        expect(roles.every((r) => r.accountId === a.accountId)).toBe(true);
      },
    });
    expect(result.roles.length).toBe(expected());
    expect(result.accounts.length).toBe(30);
    expect(pages).toEqual([7, 7, 7, 7, 2]);
    expect(new Set(perAccount).size).toBe(30);
    expect(progress[0]!.phase).toBe('accounts');
    expect(progress.at(-1)).toMatchObject({ phase: 'done', accountsDone: 30, accountsTotal: 30 });
    expect(progress.some((p) => p.phase === 'roles')).toBe(true);
    const done = progress.map((p) => p.accountsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));

    const org = emu.control.org();
    const want = org.accounts.flatMap((a) => a.roles.map((r) => `${a.accountId}/${r}`)).sort();
    expect(result.roles.map((r) => `${r.accountId}/${r.roleName}`).sort()).toEqual(want);

    const file = roleCacheFile(sandbox.paths, session.name);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain(emulatorTokenSource.name);
    const cached = await directory.cached(session);
    expect(cached?.roles).toEqual(result.roles);
    // Another start URL under the same name is another organisation: its cache does not apply.
    expect(
      await directory.cached({ ...session, startUrl: 'https://other.awsapps.com/start' }),
    ).toBeUndefined();
  });

  test('200 accounts under throttling, 5xx, timeouts and malformed answers: every role, no error', async () => {
    const big = await startEmulator({
      org: { generate: { accounts: 200, rolesPerAccount: [1, 5], seed: 3 } },
      throttle: { ratePerSecond: 20, burst: 20 },
      faults: { serverErrorRate: 0.1, malformedRate: 0.03, timeoutRate: 0.01, seed: 11 },
    });
    try {
      sandbox = await createSandbox();
      const tokens = emulatorTokenSource(big.control);
      // Start above the server's rate so the limiter has to find it (AIMD), as with an unknown quota.
      const portal = createPortal({
        tokenSource: tokens,
        endpoints: { portal: big.url },
        env: {},
        rate: { ratePerSecond: 30 },
        http: { requestTimeoutMs: 1000 },
      });
      const directory = createRoleDirectory({ paths: sandbox.paths, portal });
      const throttledSeen: boolean[] = [];
      const result = await directory.refresh(session, { onProgress: (p) => throttledSeen.push(p.throttled) });
      const want = big.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);
      expect(result.roles.length).toBe(want);
      expect(new Set(result.roles.map((r) => `${r.accountId}/${r.roleName}`)).size).toBe(want);
      expect(result.stats.retries).toBeGreaterThan(0);
      expect(result.stats.throttleEvents).toBeGreaterThan(0);
      expect(throttledSeen).toContain(true);
      expect(big.control.calls().ListAccountRoles).toBeGreaterThanOrEqual(200);
    } finally {
      await big.close();
    }
  });

  test('401 mid-listing: one refresh, then the listing resumes and completes', async () => {
    const { directory, tokens } = await setup(100);
    let revoked = false;
    const result = await directory.refresh(session, {
      onRoles: () => {
        if (!revoked) {
          revoked = true;
          emu.control.revokeToken(tokens.current());
        }
      },
    });
    expect(tokens.refreshes).toBe(1);
    expect(result.roles.length).toBe(expected());
  });

  test('401 and the refresh fails: SESSION_EXPIRED, cache untouched', async () => {
    const { directory, tokens } = await setup(100);
    tokens.failRefresh = true;
    let revoked = false;
    await expect(
      directory.refresh(session, {
        onRoles: () => {
          if (!revoked) {
            revoked = true;
            emu.control.revokeToken(tokens.current());
          }
        },
      }),
    ).rejects.toSatisfy(
      (e) => e instanceof LanyardError && e.code === 'SESSION_EXPIRED' && /sign in again/.test(e.message),
    );
    expect(tokens.refreshes).toBe(1);
    expect(await directory.cached(session)).toBeUndefined();
  });

  test('cancellation stops the listing with CANCELLED and writes nothing', async () => {
    const { directory } = await setup(20);
    const ac = new AbortController();
    const seen: RoleEntry[][] = [];
    await expect(
      directory.refresh(session, {
        signal: ac.signal,
        onRoles: (_a, roles) => {
          seen.push(roles);
          if (seen.length === 3) ac.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.length).toBeLessThan(30);
    expect(await directory.cached(session)).toBeUndefined();
  });

  test('accounts added or removed since the last listing appear and disappear', async () => {
    const { directory } = await setup(100);
    const original = emu.control.org();
    try {
      await directory.refresh(session);
      const [gone, ...rest] = original.accounts;
      const added = {
        accountId: '999999999999',
        accountName: 'brand-new',
        emailAddress: 'new@example.com',
        roles: ['Fresh'],
      };
      emu.control.setOrg({ accounts: [...rest, added] });
      const result = await directory.refresh(session);
      expect(result.added.map((a) => a.accountId)).toEqual(['999999999999']);
      expect(result.removed.map((a) => a.accountId)).toEqual([gone!.accountId]);
      const cached = await directory.cached(session);
      expect(cached?.roles.some((r) => r.accountId === gone!.accountId)).toBe(false);
      // resolve() finds a role that only exists after a new listing.
      emu.control.setOrg({ accounts: [...rest, { ...added, roles: ['Fresh', 'Newer'] }] });
      expect((await directory.resolve(session, 'brand-new', 'Newer')).roleName).toBe('Newer');
    } finally {
      emu.control.setOrg(original);
    }
  });
});

describe('role cache file', () => {
  test('a damaged cache is ignored (and replaced by the next listing), never shown as data', async () => {
    const { directory } = await setup(100);
    const file = roleCacheFile(sandbox.paths, session.name);
    await mkdir(dirname(file), { recursive: true });
    for (const junk of ['{not json', '{"version":1,"sessionName":"corp"}', '{"version":2}', 'null']) {
      await writeFile(file, junk);
      expect(await directory.cached(session)).toBeUndefined();
    }
    await directory.refresh(session);
    expect((await directory.cached(session))?.roles.length).toBe(expected());
  });
});

describe('directory', () => {
  test('two refreshes at once share one listing', async () => {
    // At the server's own rate: the emulator counts 429 answers as calls too.
    const { directory } = await setup(20);
    emu.control.resetCalls();
    const [a, b] = await Promise.all([directory.refresh(session), directory.refresh(session)]);
    expect(b).toBe(a);
    expect(emu.control.calls().ListAccountRoles).toBe(30);
  });
});
