import type { Account } from '../../app/domain/accounts';
import { ORDINARY_RANK } from './rate-limiter';

/** Accounts to move up: their ids, or a test on the account (e.g. its name matches what is typed). */
export type AccountMatch = Iterable<string> | ((account: Account) => boolean);

/** Queue ranks of a listing's calls; lower goes first. Account pages rank 0 (`priority: true`). */
export const RANK = { first: 1, matching: 2, rest: ORDINARY_RANK } as const;

/**
 * The order in which a running listing asks for accounts' roles: the accounts of favorites and
 * recents first, then those matching what the person is typing, then the rest. The rate limiter asks
 * for a rank each time it hands out a token, so `prioritize` moves calls that are already waiting.
 */
export class ListingPriorities {
  private readonly first: ReadonlySet<string>;
  private matching: ((account: Account) => boolean) | undefined;
  private readonly ranks = new Map<string, number>();

  constructor(firstAccountIds: Iterable<string> = []) {
    this.first = new Set(firstAccountIds);
  }

  /** Replaces what was prioritized before (typing a new query replaces the old one); none clears it. */
  prioritize(match: AccountMatch | undefined): void {
    if (match === undefined) this.matching = undefined;
    else if (typeof match === 'function') this.matching = match;
    else {
      const ids = new Set(match);
      this.matching = (a) => ids.has(a.accountId);
    }
    // Ranks are cached per account (the limiter asks often); a new match invalidates them.
    this.ranks.clear();
  }

  isFirst(accountId: string): boolean {
    return this.first.has(accountId);
  }

  rank(account: Account): number {
    let r = this.ranks.get(account.accountId);
    if (r === undefined) {
      r = this.first.has(account.accountId)
        ? RANK.first
        : this.matching?.(account)
          ? RANK.matching
          : RANK.rest;
      this.ranks.set(account.accountId, r);
    }
    return r;
  }
}

/** The account ids in role keys (`session/accountId/roleName`) of one session: favorites and recents. */
export function accountIdsOf(roleKeys: readonly string[], sessionName: string): string[] {
  return roleKeys.flatMap((k) => {
    const [s, accountId] = k.split('/');
    return s === sessionName && accountId ? [accountId] : [];
  });
}

/** What the person typed, as a test on accounts: every word in the account's name or id. */
export function typedMatch(query: string): ((account: Account) => boolean) | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return (a) => {
    const hay = `${a.accountName} ${a.accountId}`.toLowerCase();
    return words.some((w) => hay.includes(w));
  };
}
