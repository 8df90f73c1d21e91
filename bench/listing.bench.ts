// Cold listing of a big organisation at the portal's throttle limit: Lanyard's paced, concurrent
// listing against the floor (calls ÷ rate) and against a plain sequential loop with the same SDK.
import { ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { startEmulator } from '../emulator/index';
import { createPortal } from '../main/accounts/portal';
import { listAllRoles } from '../main/accounts/lister';
import { emulatorTokenSource, session } from '../test/support/portal-session';
import { median, printTable, runs } from './support';

const accounts = Number(process.env.BENCH_ACCOUNTS ?? 500);
const rate = 20;
const latencyMs = 150;

const emu = await startEmulator({
  org: { generate: { accounts, rolesPerAccount: 3, seed: 5 } },
  latencyMs,
  throttle: { ratePerSecond: rate, burst: rate },
});
const expectedRoles = emu.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);
const pages = Math.ceil(accounts / 100);
const calls = pages + accounts;
const floorS = calls / rate;

async function lanyardOnce(): Promise<{ s: number; errors: number; roles: number; retries: number }> {
  // A quiet second between runs so the server's bucket is full again, as for a first listing.
  await new Promise((r) => setTimeout(r, 1500));
  const portal = createPortal({
    tokenSource: emulatorTokenSource(emu.control),
    endpoints: { portal: emu.url },
    env: {},
    rate: { ratePerSecond: rate },
  });
  const t = performance.now();
  try {
    const r = await listAllRoles(portal, session);
    return { s: (performance.now() - t) / 1000, errors: 0, roles: r.roles.length, retries: r.stats.retries };
  } catch (e) {
    console.error('listing failed:', (e as Error).message);
    return { s: (performance.now() - t) / 1000, errors: 1, roles: 0, retries: 0 };
  }
}

async function sequentialOnce(): Promise<{ s: number; errors: number; roles: number }> {
  await new Promise((r) => setTimeout(r, 1500));
  const client = new SSOClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
  });
  const accessToken = emu.control.issueToken({ refreshable: true }).accessToken;
  const t = performance.now();
  let roles = 0;
  let errors = 0;
  let nextToken: string | undefined;
  try {
    do {
      const page = await client.send(new ListAccountsCommand({ accessToken, maxResults: 100, nextToken }));
      for (const a of page.accountList ?? []) {
        let rolesToken: string | undefined;
        do {
          const r = await client.send(
            new ListAccountRolesCommand({
              accessToken,
              accountId: a.accountId,
              maxResults: 100,
              nextToken: rolesToken,
            }),
          );
          roles += r.roleList?.length ?? 0;
          rolesToken = r.nextToken;
        } while (rolesToken);
      }
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (e) {
    errors += 1;
    console.error('sequential loop failed:', (e as Error).message);
  }
  client.destroy();
  return { s: (performance.now() - t) / 1000, errors, roles };
}

console.log(
  `${accounts} accounts × 3 roles (${expectedRoles} roles), ${calls} calls, latency ${latencyMs} ms, throttle ${rate}/s`,
);
const n = runs(3);
const lanyard = [];
for (let i = 0; i < n; i++) lanyard.push(await lanyardOnce());
const sequential = process.env.BENCH_SKIP_SEQUENTIAL ? undefined : await sequentialOnce();
await emu.close();

const lanyardS = median(lanyard.map((r) => r.s));
const rows: Array<Record<string, string | number>> = [
  {
    what: 'floor (calls ÷ 20/s)',
    runs: '-',
    'median s': floorS,
    '× floor': 1,
    roles: expectedRoles,
    'errors surfaced': '-',
  },
  {
    what: 'lanyard listing',
    runs: n,
    'median s': lanyardS,
    '× floor': lanyardS / floorS,
    roles: lanyard.every((r) => r.roles === expectedRoles)
      ? expectedRoles
      : `MISMATCH ${lanyard.map((r) => r.roles).join('/')}`,
    'errors surfaced': lanyard.reduce((x, r) => x + r.errors, 0),
  },
];
if (sequential)
  rows.push({
    what: 'sequential SDK loop',
    runs: 1,
    'median s': sequential.s,
    '× floor': sequential.s / floorS,
    roles: sequential.roles,
    'errors surfaced': sequential.errors,
  });
printTable(rows);
console.log(`lanyard retries per run: ${lanyard.map((r) => r.retries).join(', ')} (target ≤ 1.05 × floor)`);
if (lanyard.some((r) => r.errors || r.roles !== expectedRoles)) process.exitCode = 1;
