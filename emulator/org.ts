import { z } from 'zod';
import { createRng } from './random';
import { EmulatorError, type OrgSpec } from './types';

const teams = [
  'payments',
  'data-lake',
  'identity',
  'checkout',
  'search',
  'analytics',
  'mobile-api',
  'web-frontend',
  'ml-platform',
  'billing',
  'notifications',
  'inventory',
  'shipping',
  'catalog',
  'fraud-detection',
  'customer-support',
  'marketing',
  'observability',
  'ci-cd',
  'edge',
  'messaging',
  'reporting',
  'partner-api',
  'loyalty',
  'recommendations',
  'streaming',
  'auth',
  'pricing',
  'warehouse',
  'media',
] as const;
const stages = ['prod', 'staging', 'dev', 'sandbox', 'qa', 'test', 'perf', 'dr'] as const;
const foundation = ['management', 'log-archive', 'security-audit', 'shared-services', 'network'] as const;
export const roleNames = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'DeveloperAccess',
  'Billing',
  'ViewOnlyAccess',
  'SecurityAudit',
  'DataScientist',
  'NetworkAdministrator',
  'SupportUser',
] as const;

function checkCount(value: number, what: string, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new EmulatorError(`${what} must be a whole number from 0 to ${max}, got ${String(value)}`);
  }
}

/**
 * A realistic org for demos and tests: the usual landing-zone accounts first, then team-stage accounts
 * ("payments-prod"), each with a seeded handful of common permission sets. Same arguments, same org.
 */
export function generateOrg(
  accounts: number,
  rolesPerAccount: number | [number, number] = [1, 4],
  seed = 1,
): OrgSpec {
  checkCount(accounts, 'accounts', 100_000);
  const [minRoles, maxRoles] =
    typeof rolesPerAccount === 'number' ? [rolesPerAccount, rolesPerAccount] : rolesPerAccount;
  checkCount(minRoles, 'rolesPerAccount (min)', roleNames.length);
  checkCount(maxRoles, 'rolesPerAccount (max)', roleNames.length);
  if (minRoles > maxRoles)
    throw new EmulatorError(`rolesPerAccount range is backwards: [${minRoles}, ${maxRoles}]`);
  const rng = createRng(seed);
  const names: string[] = [...foundation];
  for (let round = 1; names.length < accounts; round++) {
    for (const team of teams)
      for (const stage of stages) names.push(round === 1 ? `${team}-${stage}` : `${team}-${stage}-${round}`);
  }
  const head = names.slice(0, foundation.length);
  const rest = names.slice(foundation.length);
  // Shuffle so small orgs mix teams and stages instead of listing payments-* only.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
  }
  const chosen = [...head, ...rest].slice(0, accounts);
  const usedIds = new Set<string>();
  return {
    accounts: chosen.map((accountName) => {
      let accountId: string;
      do accountId = String(rng.int(100000000000, 999999999999));
      while (usedIds.has(accountId));
      usedIds.add(accountId);
      const count = rng.int(minRoles, maxRoles);
      const pool = [...roleNames];
      const roles: string[] = [];
      while (roles.length < count) roles.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as string);
      roles.sort((a, b) => roleNames.indexOf(a as never) - roleNames.indexOf(b as never));
      return { accountId, accountName, emailAddress: `aws+${accountName}@example.com`, roles };
    }),
  };
}

const account = (role: z.ZodString) =>
  z.object({
    accountId: z.string().regex(/^\d{12}$/, 'accountId must be 12 digits'),
    accountName: z.string().min(1).max(50),
    emailAddress: z.string().min(1).max(254),
    roles: z.array(role),
  });

const orgSchema = z.union([
  z.object({
    accounts: z.array(
      account(z.string().regex(/^[\w+=,.@-]{1,128}$/, 'role names use letters, digits and +=,.@-_')),
    ),
  }),
  // A hostile (or broken) portal: role names may hold anything, control characters included, so
  // clients can be tested against them. Only with this explicit flag.
  z.object({ hostileNames: z.literal(true), accounts: z.array(account(z.string().min(1).max(128))) }),
]);

/** Checks an OrgSpec from a file or the control API; duplicate ids are an error, not a silent overwrite. */
export function parseOrg(input: unknown): OrgSpec {
  const parsed = orgSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EmulatorError(
      `invalid org: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'bad shape'}`,
    );
  }
  const seen = new Set<string>();
  for (const a of parsed.data.accounts) {
    if (seen.has(a.accountId)) throw new EmulatorError(`invalid org: account ${a.accountId} appears twice`);
    seen.add(a.accountId);
  }
  return structuredClone(parsed.data);
}
