// Whole-process timings of the CLI served from Lanyard's caches: `lanyard roles` with 5,000 cached
// roles, and `lanyard env` with a warm token and role cache (one GetRoleCredentials to the emulator).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../emulator/index';
import type { Account, RoleEntry } from '../app/domain/accounts';
import { writeRoleCache } from '../main/accounts/role-cache';
import { writeTokenFile } from '../main/auth/token-cache';
import { createSandbox } from '../test/support/sandbox';
import { session } from '../test/support/portal-session';
import { median, printTable, runs } from './support';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'lanyard.js');
if (!existsSync(join(root, 'dist', 'cli.mjs'))) {
  console.error(
    'dist/cli.mjs is missing: run `npm run bench` (it builds first) or `node scripts/build.mjs node`.',
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
const t = emu.control.issueToken({ refreshable: true });
await writeTokenFile(sandbox.paths, session, {
  startUrl: session.startUrl,
  region: 'us-east-1',
  accessToken: t.accessToken,
  expiresAt: t.expiresAt,
  clientId: t.clientId,
  clientSecret: t.clientSecret,
  registrationExpiresAt: Date.now() + 80 * 86_400_000,
  refreshToken: t.refreshToken,
});
const env = { ...sandbox.env, ...emu.env, NODE_NO_WARNINGS: '1' };

// Asynchronous spawn: the emulator answers from this process's event loop, which spawnSync would block.
function time(args: string[], expectLines?: number): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, cwd: root, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const ms = performance.now() - start;
      if (err) return reject(new Error(`${args.join(' ')} failed: ${stderr}`));
      const rows = stdout.split('\n').length - 2;
      if (expectLines !== undefined && rows !== expectLines)
        return reject(new Error(`${args.join(' ')}: expected ${expectLines} rows, got ${rows}`));
      resolve(ms);
    });
  });
}

const n = runs(9);
async function measure(args: string[], lines?: number): Promise<number[]> {
  await time(args, lines); // warm the file cache
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(args, lines));
  return out;
}
const node = await measure(['-e', '0']);
const help = await measure([bin, '--help']);
const rolesMs = await measure([bin, 'roles'], roles.length);
const envMs = await measure([bin, 'env', 'account-42', 'Role3']);
const cpMs = await measure([bin, 'credential-process', '--account', '100000000042', '--role', 'Role3']);
await emu.close();
await sandbox.cleanup();

printTable([
  { what: 'node -e 0 (baseline)', runs: n, 'median ms': median(node), target: '-' },
  { what: 'lanyard --help (CLI start, no work)', runs: n, 'median ms': median(help), target: '-' },
  { what: `lanyard roles (${roles.length} cached)`, runs: n, 'median ms': median(rolesMs), target: '≤ 200' },
  { what: 'lanyard env (warm caches)', runs: n, 'median ms': median(envMs), target: '-' },
  { what: 'lanyard credential-process', runs: n, 'median ms': median(cpMs), target: '-' },
]);
