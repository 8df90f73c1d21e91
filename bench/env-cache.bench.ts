// `lanyard env A R` served from the AWS CLI's credential cache (~/.aws/cli/cache), against the real
// AWS CLI v2 `aws configure export-credentials --profile P --format env` on the same cache hit (no
// endpoint variables: a hit needs no network, which the emulator's call count checks), and bare node.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Account, RoleEntry } from '../app/domain/accounts';
import { startEmulator } from '../emulator/index';
import { writeRoleCache } from '../main/accounts/role-cache';
import { writeCliCache } from '../main/credentials/cli-cache';
import { createSandbox } from '../test/support/sandbox';
import { session } from '../test/support/portal-session';
import { median, printTable, runs } from './support';
import { signInWithEmulator } from '../test/support/cli-run';

const awsV2 = '/usr/bin/aws';
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'lanyard.js');
const goal = 0.33;

const account: Account = {
  accountId: '100000000042',
  accountName: 'account-42',
  emailAddress: 'a@example.com',
};
const roleName = 'Admin';
const emu = await startEmulator({ org: { accounts: [{ ...account, roles: [roleName] }] }, throttle: false });
const sandbox = await createSandbox({
  config: `[profile dev]
sso_session = corp
sso_account_id = ${account.accountId}
sso_role_name = ${roleName}
region = us-east-2

[sso-session corp]
sso_start_url = ${session.startUrl}
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`,
});
const roles: RoleEntry[] = [{ sessionName: session.name, ...account, roleName }];
await writeRoleCache(sandbox.paths, session, [account], roles);
await signInWithEmulator(emu, sandbox, session);
const creds = {
  accessKeyId: 'ASIABENCHEXAMPLE0001',
  secretAccessKey: 'bench-secret-not-real',
  sessionToken: 'bench-session-token-not-real',
  expiration: Date.now() + 3_600_000,
};
await writeCliCache(sandbox.paths, session, account.accountId, roleName, creds);
// Lanyard may fall back to the emulator (a miss would show as a GetRoleCredentials call); the AWS CLI
// gets no endpoint at all, so a miss would fail rather than reach AWS.
const lanyardEnv = { ...sandbox.env, ...emu.env, NODE_NO_WARNINGS: '1' };
const awsEnv = { ...sandbox.env, AWS_PAGER: '', AWS_CLI_AUTO_PROMPT: 'off' };

function time(file: string, args: string[], env: Record<string, string>, expect?: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, cwd: root }, (err, stdout, stderr) => {
      const ms = performance.now() - start;
      if (err) return reject(new Error(`${file} ${args.join(' ')} failed: ${stderr}`));
      if (expect && !stdout.includes(expect)) return reject(new Error(`${args.join(' ')}: not a cache hit`));
      resolve(ms);
    });
  });
}
const n = runs(9);
async function measure(file: string, args: string[], env: Record<string, string>, expect?: string) {
  await time(file, args, env, expect);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(file, args, env, expect));
  return median(out);
}

emu.control.resetCalls();
const node = await measure(process.execPath, ['-e', '0'], lanyardEnv);
const lanyard = await measure(
  process.execPath,
  [bin, 'env', account.accountId, roleName],
  lanyardEnv,
  creds.accessKeyId,
);
const cp = await measure(
  process.execPath,
  [bin, 'credential-process', '--account', account.accountId, '--role', roleName],
  lanyardEnv,
  creds.accessKeyId,
);
const aws = existsSync(awsV2)
  ? await measure(
      awsV2,
      ['configure', 'export-credentials', '--profile', 'dev', '--format', 'env'],
      awsEnv,
      creds.accessKeyId,
    )
  : NaN;
const portalCalls = emu.control.calls().GetRoleCredentials ?? 0;
await emu.close();
await sandbox.cleanup();
printTable([
  { what: 'node -e 0', runs: n, 'median ms': node, 'vs aws': node / aws, goal: '-' },
  {
    what: 'lanyard env (CLI cache hit)',
    runs: n,
    'median ms': lanyard,
    'vs aws': lanyard / aws,
    goal: `≤ ${goal}`,
  },
  { what: 'lanyard credential-process (hit)', runs: n, 'median ms': cp, 'vs aws': cp / aws, goal: '-' },
  {
    what: 'aws configure export-credentials (v2.9.19, hit)',
    runs: n,
    'median ms': aws,
    'vs aws': 1,
    goal: '-',
  },
]);
console.log(`GetRoleCredentials calls during the runs: ${portalCalls} (0: every run was a cache hit)`);
