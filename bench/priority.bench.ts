// Favorites first: with 2,000 accounts behind 150 ms at the 20/s floor, how long until the accounts
// of 10 favorites/recents are listed again, against the whole listing (its floor: calls ÷ 20/s).
// BENCH_FULL=1 also runs the whole listing (≈100 s).
import type { Account, RoleEntry } from '../app/domain/accounts';
import { startEmulator } from '../emulator/index';
import { createPortal } from '../main/accounts/portal';
import { createRoleDirectory } from '../main/accounts/directory';
import { writeRoleCache } from '../main/accounts/role-cache';
import { createSandbox } from '../test/support/sandbox';
import { emulatorTokenSource, session } from '../test/support/portal-session';
import { median, printTable, runs } from './support';

const accountsN = Number(process.env.BENCH_ACCOUNTS ?? 2000);
const rate = 20;
const latencyMs = 150;
const goalMs = 1000;
const emu = await startEmulator({
  org: { generate: { accounts: accountsN, rolesPerAccount: 3, seed: 9 } },
  latencyMs,
  throttle: { ratePerSecond: rate, burst: rate },
});
const org = emu.control.org().accounts;
const accounts: Account[] = org.map(({ accountId, accountName, emailAddress }) => ({
  accountId,
  accountName,
  emailAddress,
}));
const roles: RoleEntry[] = org.flatMap((a) =>
  a.roles.map((roleName) => ({
    sessionName: session.name,
    accountId: a.accountId,
    accountName: a.accountName,
    emailAddress: a.emailAddress,
    roleName,
  })),
);
// Spread over the organisation, the last ones on the last page of ListAccounts.
const favorites = Array.from(
  { length: 10 },
  (_, i) => accounts[Math.floor(((i + 1) * accountsN) / 10) - 1]!.accountId,
);
const sandbox = await createSandbox();
await writeRoleCache(sandbox.paths, session, accounts, roles);
const floorS = (Math.ceil(accountsN / 100) + accountsN) / rate;

async function untilFavorites(): Promise<number> {
  // A quiet second so the server's bucket is full again, as for a first listing after sign-in.
  await new Promise((r) => setTimeout(r, 1500));
  const portal = createPortal({
    tokenSource: emulatorTokenSource(emu.control),
    endpoints: { portal: emu.url },
    env: {},
    rate: { ratePerSecond: rate },
  });
  const directory = createRoleDirectory({ paths: sandbox.paths, portal });
  const waiting = new Set(favorites);
  const controller = new AbortController();
  const t = performance.now();
  let doneAt = 0;
  const full = process.env.BENCH_FULL === '1';
  const listing = directory
    .refresh(session, {
      firstAccountIds: favorites,
      signal: controller.signal,
      onRoles: (a) => {
        waiting.delete(a.accountId);
        if (waiting.size === 0 && doneAt === 0) {
          doneAt = performance.now() - t;
          if (!full) controller.abort();
        }
      },
    })
    .catch((e: Error) => {
      if (!controller.signal.aborted) throw e;
    });
  await listing;
  if (full)
    console.log(`whole listing of ${accountsN} accounts: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return doneAt;
}

const n = runs(3);
const times: number[] = [];
for (let i = 0; i < n; i++) times.push(await untilFavorites());
await emu.close();
await sandbox.cleanup();
printTable([
  {
    what: `10 favorites' accounts fresh, ${accountsN} accounts`,
    runs: n,
    'median ms': median(times),
    'vs goal 1000': median(times) / goalMs,
    'whole listing floor s': floorS,
    'share of floor': median(times) / 1000 / floorS,
  },
]);
