/**
 * Deterministic fake organisations for visual checks, tests and benchmarks: never in the production bundle.
 */
import type { RoleEntry } from '../../../app/domain/accounts';

const teams = ['payments', 'identity', 'search', 'billing', 'data-lake', 'mobile', 'edge', 'ml-platform'];
const stages = ['prod', 'staging', 'dev', 'sandbox', 'shared-services', 'security', 'log-archive'];
const roleNames = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'ViewOnlyAccess',
  'BillingAccess',
  'DatabaseAdministrator',
  'SecurityAudit',
  'NetworkAdministrator',
  'DeveloperAccess',
  'SupportUser',
];

/** A small PRNG so the same seed always gives the same organisation. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeRoles(count: number, sessionName = 'acme', seed = 7): RoleEntry[] {
  const rand = mulberry32(seed);
  const out: RoleEntry[] = [];
  let account = 0;
  while (out.length < count) {
    const team = teams[account % teams.length]!;
    const stage = stages[Math.floor(account / teams.length) % stages.length]!;
    const suffix = account >= teams.length * stages.length ? `-${Math.floor(account / 56)}` : '';
    const accountName = `${team}-${stage}${suffix}`;
    const accountId = String(100000000000 + Math.floor(rand() * 899999999999)).slice(0, 12);
    const emailAddress = `aws+${accountName}@acme.example`;
    const n = 1 + Math.floor(rand() * 6);
    const start = Math.floor(rand() * roleNames.length);
    for (let r = 0; r < n && out.length < count; r++) {
      out.push({
        sessionName,
        accountId,
        accountName,
        emailAddress,
        roleName: roleNames[(start + r) % roleNames.length]!,
      });
    }
    account++;
  }
  return out;
}
