// Whole-process timings of the CLI served from Lanyard's caches, each against bare `node -e 0`
// measured in the same rounds (the commands take turns, so load from other work falls on all alike):
// `--help` and `status --json` (start-up alone), warm `roles --json` with a small ~/.aws/config and
// with 5,000 written profiles in it, a filtered `roles`, `roles` with 5,000 cached roles as a table,
// and `lanyard env` with warm caches (its first run fills the AWS CLI's credential cache; the timed
// runs are hits).
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/index';
import type { Account, RoleEntry } from '../app/domain/accounts';
import { writeRoleCache } from '../main/accounts/role-cache';
import { createSandbox } from '../test/support/sandbox';
import { session } from '../test/support/portal-session';
import { median, printTable, runs } from './support';
import { signInWithEmulator } from '../test/support/cli-run';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'lanyard.js');
if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  console.error(
    'dist/cli.cjs is missing: run `npm run bench` (it builds first) or `node scripts/build.mjs node`.',
  );
  process.exit(1);
}

const accountsN = 1000;
const rolesPer = 5;
const accounts: Account[] = [];
const roles: RoleEntry[] = [];
const org = [];
for (let i = 0; i < accountsN; i++) {
  const a = {
    accountId: String(100000000000 + i),
    accountName: `account-${i}`,
    emailAddress: `a${i}@example.com`,
  };
  accounts.push(a);
  const names = Array.from({ length: rolesPer }, (_, j) => `Role${j}`);
  org.push({ ...a, roles: names });
  for (const roleName of names) roles.push({ sessionName: session.name, ...a, roleName });
}

const emu = await startEmulator({ org: { accounts: org }, throttle: false });
const sandbox = await createSandbox({
  config: `[sso-session corp]\nsso_start_url = ${session.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
});
await writeRoleCache(sandbox.paths, session, accounts, roles);
await signInWithEmulator(emu, sandbox, session);
const env = { ...sandbox.env, ...emu.env, NODE_NO_WARNINGS: '1' };

// The same session followed by 5,000 profiles as `lanyard profiles --write` leaves them, with the
// settings people add by hand (output, a pager): about 1.2 MB, as in the measurement.
const bigConfig = join(sandbox.paths.home, 'config-5000');
await writeFile(
  bigConfig,
  `[sso-session corp]\nsso_start_url = ${session.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n` +
    roles
      .map(
        (r) =>
          `\n[profile ${r.roleName}-${r.accountName}-${r.accountId}]\nsso_session = corp\nsso_account_id = ${r.accountId}\n` +
          `sso_role_name = ${r.roleName}\nregion = us-east-1\noutput = json\ncli_pager =\n` +
          `# ${r.accountName} (${r.emailAddress}): ${r.roleName}, written by lanyard profiles --write\n`,
      )
      .join(''),
);
const bigConfigMb = (statSync(bigConfig).size / 1e6).toFixed(2);
const bigEnv = { ...env, AWS_CONFIG_FILE: bigConfig };

// Asynchronous spawn: the emulator answers from this process's event loop, which spawnSync would block.
function time(args: string[], expectLines?: number, runEnv: NodeJS.ProcessEnv = env): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { env: runEnv, cwd: root, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const ms = performance.now() - start;
        if (err) return reject(new Error(`${args.join(' ')} failed: ${stderr}`));
        const rows = stdout.split('\n').length - 2;
        if (expectLines !== undefined && rows !== expectLines)
          return reject(new Error(`${args.join(' ')}: expected ${expectLines} rows, got ${rows}`));
        resolve(ms);
      },
    );
  });
}

const n = runs(9);
type Case = { what: string; args: string[]; lines?: number; env?: NodeJS.ProcessEnv; target?: string };
const cases: Case[] = [
  { what: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { what: 'lanyard --help', args: [bin, '--help'], target: '≤ 90 (node 55)' },
  { what: 'lanyard status --json', args: [bin, 'status', '--json'], target: '≤ 90 (node 55)' },
  {
    what: `lanyard roles --json (warm, small config)`,
    args: [bin, 'roles', '--json'],
    target: '≤ 100 (node 55)',
  },
  {
    what: `lanyard roles --json (warm, ${bigConfigMb} MB config, 5,000 profiles)`,
    args: [bin, 'roles', '--json'],
    env: bigEnv,
    target: '≤ 110 (node 55)',
  },
  {
    what: `lanyard status --json (${bigConfigMb} MB config)`,
    args: [bin, 'status', '--json'],
    env: bigEnv,
  },
  {
    what: `lanyard roles --json account-42 (a query: the window's search)`,
    args: [bin, 'roles', '--json', 'account-42'],
  },
  {
    what: `lanyard roles (${roles.length} cached, table)`,
    args: [bin, 'roles'],
    lines: roles.length,
    target: '≤ 200',
  },
  { what: 'lanyard env (warm caches)', args: [bin, 'env', 'account-42', 'Role3'] },
  {
    what: 'lanyard credential-process',
    args: [bin, 'credential-process', '--account', '100000000042', '--role', 'Role3'],
  },
];
const loadBefore = loadavg()[0]!.toFixed(2);
for (const c of cases) await time(c.args, c.lines, c.env); // warm the file cache
// Round-robin: each round runs every case once, so a burst of load from other work hits all of them.
const samples = cases.map(() => [] as number[]);
for (let i = 0; i < n; i++)
  for (const [k, c] of cases.entries()) samples[k]!.push(await time(c.args, c.lines, c.env));
const loadAfter = loadavg()[0]!.toFixed(2);
await emu.close();
await sandbox.cleanup();

const node = median(samples[0]!);
printTable(
  cases.map((c, k) => ({
    what: c.what,
    runs: n,
    'median ms': median(samples[k]!),
    '× node': (median(samples[k]!) / node).toFixed(2),
    'at node 55 ms': k === 0 ? '55' : ((median(samples[k]!) / node) * 55).toFixed(0),
    target: c.target ?? '-',
  })),
);
console.log(
  `load average ${loadBefore} at start, ${loadAfter} at end (2 cores: above 2, other work competes). ` +
    '"at node 55 ms" scales each median by the ratio to bare node, for comparison with the issue.',
);
