import fuzzysort from 'fuzzysort';
import { LanyardError } from '../errors';
import type { RoleEntry } from '../domain/accounts';

export type AccountRef = { accountId: string; accountName: string };

const maxCandidates = 10;

type Stage<T> = (items: readonly T[]) => T[];

/**
 * Picks one item by the first stage that finds anything: exactly one match wins, several are
 * AMBIGUOUS (with candidates), none anywhere is NOT_FOUND.
 */
function pick<T>(
  items: readonly T[],
  stages: Stage<T>[],
  label: (t: T) => string,
  what: string,
  query: string,
): T {
  for (const stage of stages) {
    const found = stage(items);
    if (found.length === 1) return found[0]!;
    if (found.length > 1)
      throw new LanyardError('AMBIGUOUS', `"${query}" matches ${found.length} ${what}s.`, {
        candidates: found.slice(0, maxCandidates).map(label),
        hint: `Give the full ${what} name${what === 'account' ? ' or its 12-digit id' : ''}.`,
      });
  }
  throw new LanyardError('NOT_FOUND', `No ${what} matches "${query}".`, {
    candidates: items.length <= maxCandidates ? items.map(label) : [],
  });
}

/** Stages shared by accounts and roles: exact, case-insensitive, unique prefix, then fuzzy. */
function nameStages<T>(query: string, name: (t: T) => string): Stage<T>[] {
  const q = query.toLowerCase();
  return [
    (xs) => xs.filter((x) => name(x) === query),
    (xs) => xs.filter((x) => name(x).toLowerCase() === q),
    (xs) => xs.filter((x) => name(x).toLowerCase().startsWith(q)),
    (xs) => {
      const res = fuzzysort.go(query, xs, { key: (x: T) => name(x), threshold: 0.2, limit: 50 });
      if (res.length === 0) return [];
      // A clear winner (far ahead of the runner-up) is taken; otherwise the close ones are candidates.
      const best = res[0]!.score;
      return res.filter((r) => r.score >= best * 0.8).map((r) => r.obj);
    },
  ];
}

export function accountLabel(a: AccountRef): string {
  return `${a.accountName} (${a.accountId})`;
}

/** ACCOUNT on the command line is a 12-digit id or a name: exact, case-insensitive, unique prefix, fuzzy. */
export function matchAccount<T extends AccountRef>(accounts: readonly T[], query: string): T {
  const q = query.trim();
  if (!q) throw new LanyardError('BAD_INPUT', 'Name an account (its id or its name).');
  const byId = accounts.filter((a) => a.accountId === q);
  if (byId.length >= 1) return byId[0]!;
  return pick(
    accounts,
    nameStages<T>(q, (a) => a.accountName),
    accountLabel,
    'account',
    q,
  );
}

/** ROLE within one account: exact, case-insensitive, unique prefix, fuzzy. */
export function matchRole(roles: readonly RoleEntry[], account: AccountRef, query: string): RoleEntry {
  const q = query.trim();
  if (!q) throw new LanyardError('BAD_INPUT', 'Name a role.');
  const inAccount = roles.filter((r) => r.accountId === account.accountId);
  try {
    return pick(
      inAccount,
      nameStages<RoleEntry>(q, (r) => r.roleName),
      (r) => r.roleName,
      'role',
      q,
    );
  } catch (e) {
    if (e instanceof LanyardError && e.code === 'NOT_FOUND')
      throw new LanyardError('NOT_FOUND', `No role matches "${q}" in ${accountLabel(account)}.`, {
        candidates: inAccount.slice(0, 30).map((r) => r.roleName),
      });
    throw e;
  }
}

/** The distinct accounts of a role list, in first-seen order. */
export function accountsOf(roles: readonly RoleEntry[]): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const r of roles)
    if (!seen.has(r.accountId)) seen.set(r.accountId, { accountId: r.accountId, accountName: r.accountName });
  return [...seen.values()];
}

/** Resolves ACCOUNT and ROLE against a role list in one go. */
export function resolveRole(roles: readonly RoleEntry[], accountQuery: string, roleQuery: string): RoleEntry {
  const account = matchAccount(accountsOf(roles), accountQuery);
  return matchRole(roles, account, roleQuery);
}

// Kept here too for callers that match and filter; the CLI's roles command imports ./filter (no fuzzysort).
export { filterRoles } from './filter';
