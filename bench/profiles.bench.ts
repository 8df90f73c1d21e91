// `lanyard profiles` updating N written profiles: the plan (parse, per-section edit, per-section
// diff) in process, cold and warm, and the whole CLI process. Goal: ≤ 300 ms for 5,000, linear.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Account, RoleEntry } from '../app/domain/accounts';
import type { SsoSession } from '../app/domain/session';
import { planProfilesText } from '../app/config/plan-profiles';
import { writeRoleCache } from '../main/accounts/role-cache';
import { createSandbox } from '../test/support/sandbox';
import { median, printTable, runs } from './support';

const session: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const goalMs = 300;
const bin = join(import.meta.dirname, '..', 'bin', 'lanyard.js');

function org(n: number): { accounts: Account[]; roles: RoleEntry[] } {
  const accounts: Account[] = [];
  const roles: RoleEntry[] = [];
  for (let i = 0; i < n / 5; i++) {
    const a = {
      accountId: String(100000000000 + i),
      accountName: `account-${i}`,
      emailAddress: `a${i}@example.com`,
    };
    accounts.push(a);
    for (let j = 0; j < 5; j++) roles.push({ sessionName: session.name, ...a, roleName: `Role${j}` });
  }
  return { accounts, roles };
}

/** A config with N Lanyard profiles written for another region, so the plan updates every one. */
function configWith(roles: RoleEntry[]): string {
  const user = '[default]\nregion = eu-west-1\n\n[profile mine]\naws_access_key_id = AKIAEXAMPLE\n\n';
  const sso = `[sso-session corp]\nsso_start_url = ${session.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
  return planProfilesText(user + sso, { session, roles, region: 'us-west-2' }).after;
}

const cpuMs = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const wallMs = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

const n = runs(7);
const rows: Array<Record<string, string | number>> = [];
const warm: Record<number, number> = {};
for (const size of [5_000, 10_000]) {
  const { accounts, roles } = org(size);
  const before = configWith(roles);
  const plan = () => {
    const p = planProfilesText(before, { session, roles });
    if (p.updated.length !== size) throw new Error(`expected ${size} updates, got ${p.updated.length}`);
  };
  const cold = wallMs(plan);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < n; i++) {
    walls.push(wallMs(plan));
    cpus.push(cpuMs(plan));
  }
  warm[size] = median(walls);
  rows.push({
    what: `plan ${size} profiles (in process)`,
    'config MB': before.length / 1e6,
    'first ms': cold,
    'median ms': median(walls),
    'cpu ms': median(cpus),
    'vs goal 300': median(walls) / goalMs,
  });

  // The whole process: read the config, plan, print the diff.
  const sb = await createSandbox({ config: before });
  await writeRoleCache(sb.paths, session, accounts, roles);
  const env = { ...sb.env, NODE_NO_WARNINGS: '1' };
  const run = () =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      execFile(process.execPath, [bin, 'profiles'], { env, maxBuffer: 256 << 20 }, (err, stdout) => {
        if (err) return reject(new Error(`lanyard profiles failed: ${err.message}`));
        if (!stdout.includes('+region = us-east-1')) return reject(new Error('no diff printed'));
        resolve(performance.now() - t);
      });
    });
  await run();
  const procs: number[] = [];
  for (let i = 0; i < n; i++) procs.push(await run());
  rows.push({
    what: `lanyard profiles, ${size} to update (process)`,
    'config MB': before.length / 1e6,
    'first ms': '-',
    'median ms': median(procs),
    'cpu ms': '-',
    'vs goal 300': median(procs) / goalMs,
  });
  await sb.cleanup();
}
printTable(rows);
console.log(
  `10,000 ÷ 5,000 (in process, warm): ${(warm[10_000]! / warm[5_000]!).toFixed(2)} (2.00 is linear)`,
);
