// How soon a script sees the first role of a cold listing: the built `lanyard roles --refresh --ndjson`
// against an organisation behind 150 ms of latency at the portal's 20/s limit, with the floor (calls ÷
// rate), one round trip and bare `node -e 0` measured in the same run. A cold listing needs two round
// trips before any role is known (ListAccounts, then the first account's ListAccountRoles).
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { startEmulator } from '../emulator/index';
import { signInWithEmulator, ssoSessionSection } from '../test/support/cli-run';
import { createSandbox } from '../test/support/sandbox';
import { session } from '../test/support/portal-session';
import { median, printTable, runs } from './support';

const root = join(import.meta.dirname, '..');
const accounts = Number(process.env.BENCH_ACCOUNTS ?? 500);
const rate = 20;
const latencyMs = 150;
const emu = await startEmulator({
  org: { generate: { accounts, rolesPerAccount: 3, seed: 5 } },
  latencyMs,
  throttle: { ratePerSecond: rate, burst: rate },
});
const roles = emu.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);
const calls = Math.ceil(accounts / 100) + accounts;
const sandbox = await createSandbox({ config: ssoSessionSection(session) });
await signInWithEmulator(emu, sandbox, session);
const env = { ...sandbox.env, ...emu.env, NODE_NO_WARNINGS: '1' };
const quiet = () => new Promise((r) => setTimeout(r, 1500)); // the server's bucket fills again

/** One `roles --refresh --ndjson`: ms to the first line and to the end, and the lines seen. */
function listing(): Promise<{ first: number; total: number; lines: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'lanyard.js'), 'roles', '--refresh', '--ndjson'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let first = 0;
  let lines = 0;
  const done = new Promise<number | null>((r) => child.on('close', r));
  return (async () => {
    for await (const _ of createInterface({ input: child.stdout })) {
      if (lines++ === 0) first = performance.now() - start;
    }
    const code = await done;
    if (code !== 0) throw new Error(`lanyard exited ${code}`);
    return { first, total: performance.now() - start, lines };
  })();
}

const time = (args: string[]) =>
  new Promise<number>((resolve, reject) => {
    const t = performance.now();
    execFile(process.execPath, args, { env }, (e) =>
      e ? reject(new Error(`${args.join(' ')}: ${e.message}`)) : resolve(performance.now() - t),
    );
  });

const client = new SSOClient({
  region: 'us-east-1',
  endpoint: emu.url,
  credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
});
const token = emu.control.issueToken({ refreshable: true }).accessToken;
const roundTrip = async () => {
  const t = performance.now();
  await client.send(new ListAccountsCommand({ accessToken: token, maxResults: 1 }));
  return performance.now() - t;
};

const loadBefore = loadavg()[0]!.toFixed(2);
const n = runs(3);
const node: number[] = [];
const help: number[] = [];
const trips: number[] = [];
const runsOf: { first: number; total: number; lines: number }[] = [];
for (let i = 0; i < n; i++) {
  await quiet();
  trips.push(await roundTrip());
  node.push(await time(['-e', '0']));
  help.push(await time([join(root, 'bin', 'lanyard.js'), '--help']));
  await quiet();
  runsOf.push(await listing());
}
client.destroy();
await emu.close();
await sandbox.cleanup();

const rt = median(trips);
const first = median(runsOf.map((r) => r.first));
const start = median(help);
console.log(
  `${accounts} accounts × 3 roles (${roles} roles), ${calls} calls, latency ${latencyMs} ms, throttle ${rate}/s; ` +
    `load average ${loadBefore} at start, ${loadavg()[0]!.toFixed(2)} at end`,
);
printTable([
  { what: 'bare node -e 0', runs: n, 'median ms': median(node), note: '-' },
  { what: 'lanyard --help (start-up)', runs: n, 'median ms': start, note: '-' },
  { what: 'one round trip (ListAccounts, in process)', runs: n, 'median ms': rt, note: '-' },
  {
    what: 'first role line, roles --refresh --ndjson',
    runs: n,
    'median ms': first,
    note: `start-up + ${((first - start) / rt).toFixed(2)} round trips (2 is the least possible)`,
  },
  {
    what: 'last role line (whole listing)',
    runs: n,
    'median ms': median(runsOf.map((r) => r.total)),
    note: `${(median(runsOf.map((r) => r.total)) / 1000 / (calls / rate)).toFixed(2)} × floor (${(calls / rate).toFixed(1)} s)`,
  },
]);
if (runsOf.some((r) => r.lines !== roles)) {
  console.error(`expected ${roles} lines, got ${runsOf.map((r) => r.lines).join('/')}`);
  process.exitCode = 1;
}
