import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createPortal } from '../../../main/accounts/portal';
import { createRoleDirectory } from '../../../main/accounts/directory';
import { typedMatch } from '../../../main/accounts/priorities';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { emulatorTokenSource, session } from '../../support/portal-session';

// Enough accounts that the last page comes late, with a round trip that keeps several calls in flight.
const ACCOUNTS = 60;
let emu: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emu = await startEmulator({
    org: { generate: { accounts: ACCOUNTS, rolesPerAccount: [1, 2], seed: 11 } },
    latencyMs: 40,
    // Call counts below must not include retried 429s; Lanyard's own limiter holds the 20/s.
    throttle: false,
  });
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  await sandbox?.cleanup();
});

async function setup() {
  sandbox = await createSandbox();
  const portal = createPortal({
    tokenSource: emulatorTokenSource(emu.control),
    endpoints: { portal: emu.url },
    env: {},
    // The floor the real portal allows: priorities change the order, never the rate.
    rate: { ratePerSecond: 20 },
  });
  return createRoleDirectory({ paths: sandbox.paths, portal });
}

test("favorites' accounts are listed first, before ListAccounts reaches their page", async () => {
  const directory = await setup();
  await directory.refresh(session, { pageSize: 10 });
  const all = emu.control.org().accounts.map((a) => a.accountId);
  // On the last page of accounts: without priorities they would be listed last.
  const favorites = all.slice(-3);
  const order: string[] = [];
  const result = await directory.refresh(session, {
    pageSize: 10,
    firstAccountIds: favorites,
    onRoles: (a) => order.push(a.accountId),
  });
  expect(order.slice(0, 3).sort()).toEqual([...favorites].sort());
  expect(order).toHaveLength(ACCOUNTS);
  // Listed early, still listed once, and the result is whole.
  expect(new Set(order).size).toBe(ACCOUNTS);
  expect(result.accounts.map((a) => a.accountId)).toEqual(all);
  const roles = emu.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);
  expect(result.roles).toHaveLength(roles);
});

test('typing moves matching accounts up in a listing that is running', async () => {
  const directory = await setup();
  const accounts = emu.control.org().accounts;
  const wanted = new Set(accounts.slice(-4).map((a) => a.accountId));
  const order: string[] = [];
  let moved = -1;
  await directory.refresh(session, {
    pageSize: 100,
    onRoles: (a) => {
      order.push(a.accountId);
      if (order.length === 5) {
        // What the window would send for each keystroke; the last query wins.
        expect(directory.prioritize(session, typedMatch('no-such-account-name'))).toBe(true);
        directory.prioritize(session, (x) => wanted.has(x.accountId));
        moved = order.length;
      }
    },
  });
  expect(moved).toBe(5);
  const positions = [...wanted].map((id) => order.indexOf(id));
  // Only calls already granted a token (the burst plus those in flight) may come before them.
  for (const p of positions) expect(p).toBeGreaterThanOrEqual(5);
  for (const p of positions) expect(p).toBeLessThan(5 + 12);
  expect(order).toHaveLength(ACCOUNTS);
  expect(directory.prioritize(session, undefined)).toBe(false);
});

test('the rate stays at the floor: priorities reorder, they do not add calls', async () => {
  const directory = await setup();
  await directory.refresh(session, { pageSize: 10 });
  emu.control.resetCalls();
  const ids = emu.control.org().accounts.map((a) => a.accountId);
  await directory.refresh(session, { pageSize: 10, firstAccountIds: ids.slice(-5) });
  const calls = emu.control.calls();
  expect(calls.ListAccountRoles).toBe(ACCOUNTS);
  expect(calls.ListAccounts).toBe(ACCOUNTS / 10);
});
