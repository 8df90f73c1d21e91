import { LanyardError } from '../errors';
import { accountsOf, type AccountRef, type RoleEntry } from '../domain/accounts';

export { accountsOf, type AccountRef };

const maxCandidates = 10;

/** A stage may load what it needs: only the fuzzy one does (fuzzysort), so an exact name loads nothing. */
type Stage<T> = (items: readonly T[]) => T[] | Promise<T[]>;

/**
 * Picks one item by the first stage that finds anything: exactly one match wins, several are
 * AMBIGUOUS (with candidates), none anywhere is NOT_FOUND.
 */
async function pick<T>(
  items: readonly T[],
  stages: Stage<T>[],
  label: (t: T) => string,
  what: string,
  query: string,
): Promise<T> {
  for (const stage of stages) {
    const found = await stage(items);
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

/** The words of a name: split on `-`, `_`, space, `.`, `/` and camelCase ("NetworkAdministrator"). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[-_ ./]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when the query's words appear as consecutive whole words of the name. */
function wordRun(words: readonly string[], query: readonly string[], prefix: boolean): boolean {
  if (query.length === 0) return false;
  for (let i = 0; i + query.length <= words.length; i++) {
    const ok = query.every((q, j) => {
      const w = words[i + j]!;
      // Only the last query word may be a prefix ("net adm" → "Network Administrator").
      return prefix && j === query.length - 1 ? w.startsWith(q) : w === q;
    });
    if (ok) return true;
  }
  return false;
}

/**
 * Stages shared by accounts and roles, best first: exact, case-insensitive, whole word(s) of the
 * name, prefix of the name, prefix of a word, then fuzzy. A bare "admin" is a word of
 * "Admin-Team" but only fuzzily in "NetworkAdministrator", so it never silently lands on the latter
 * when anything fits better; several at the best stage are AMBIGUOUS.
 */
function nameStages<T>(query: string, name: (t: T) => string): Stage<T>[] {
  const q = query.toLowerCase();
  const qWords = nameWords(query);
  const memo = new Map<T, string[]>();
  const words = (x: T) => memo.get(x) ?? memo.set(x, nameWords(name(x))).get(x)!;
  return [
    (xs) => xs.filter((x) => name(x) === query),
    (xs) => xs.filter((x) => name(x).toLowerCase() === q),
    (xs) => xs.filter((x) => wordRun(words(x), qWords, false)),
    (xs) => xs.filter((x) => name(x).toLowerCase().startsWith(q)),
    (xs) => xs.filter((x) => wordRun(words(x), qWords, true)),
    async (xs) => {
      const { default: fuzzysort } = await import('fuzzysort');
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

/** ACCOUNT on the command line is a 12-digit id or a name: exact, case-insensitive, word, prefix, fuzzy (nameStages). */
export async function matchAccount<T extends AccountRef>(accounts: readonly T[], query: string): Promise<T> {
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

/** ROLE within one account: exact, case-insensitive, word, prefix, fuzzy (nameStages). */
export async function matchRole(
  roles: readonly RoleEntry[],
  account: AccountRef,
  query: string,
): Promise<RoleEntry> {
  const q = query.trim();
  if (!q) throw new LanyardError('BAD_INPUT', 'Name a role.');
  const inAccount = roles.filter((r) => r.accountId === account.accountId);
  try {
    return await pick(
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

/** Resolves ACCOUNT and ROLE against a role list in one go. */
export async function resolveRole(
  roles: readonly RoleEntry[],
  accountQuery: string,
  roleQuery: string,
): Promise<RoleEntry> {
  const account = await matchAccount(accountsOf(roles), accountQuery);
  return matchRole(roles, account, roleQuery);
}
