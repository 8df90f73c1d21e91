import type { Account, RoleEntry } from '../../app/domain/accounts';
import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import type { Paths } from '../paths';
import { listAllRoles, type ListingOptions, type ListingStats } from './lister';
import type { Portal } from './portal';
import { ListingPriorities, type AccountMatch } from './priorities';
import { readRoleCache, writeRoleCache, type CachedRoles } from './role-cache';

export type RefreshResult = {
  roles: RoleEntry[];
  accounts: Account[];
  /** Accounts that appeared or disappeared since the cached listing. */
  added: Account[];
  removed: Account[];
  stats: ListingStats;
};

export type RefreshOptions = ListingOptions & {
  /**
   * Accounts of the person's favorites and recents: listed first, and at once when the last listing
   * knows them (before ListAccounts reaches them).
   */
  firstAccountIds?: Iterable<string>;
};

export type RoleDirectory = {
  /** The last listing from disk, instantly; undefined before the first one. */
  cached(session: SsoSession): Promise<CachedRoles | undefined>;
  /** Lists everything again (progressively) and replaces the cache once the listing is complete. */
  refresh(session: SsoSession, opts?: RefreshOptions): Promise<RefreshResult>;
  /**
   * Moves accounts up in the session's running listing (what the person is typing); replaces the
   * previous match. False when no listing of that session runs.
   */
  prioritize(session: SsoSession, match: AccountMatch | undefined): boolean;
  /**
   * ACCOUNT (id or name) and ROLE to one role, from the cache; lists again when the cache is empty
   * or does not know the account or role (it may be new since the last listing). A 12-digit id with
   * a role the cache does not know is used as given (the portal decides), so credential_process
   * never waits for a listing.
   */
  resolve(
    session: SsoSession,
    accountQuery: string,
    roleQuery: string,
    opts?: ListingOptions,
  ): Promise<RoleTarget>;
};

/** A role to act as; the account's name is known when it came from a listing. */
export type RoleTarget = { accountId: string; roleName: string; accountName?: string };

const accountIdPattern = /^\d{12}$/;

export type RoleDirectoryOptions = { paths: Paths; portal: Portal; now?: () => number };

/** Matching loads only when a command names a role (env, console), and fuzzysort only for a fuzzy name. */
async function resolveRole(roles: readonly RoleEntry[], account: string, role: string): Promise<RoleEntry> {
  const match = await import('../../app/accounts/match');
  return match.resolveRole(roles, account, role);
}

export function createRoleDirectory({ paths, portal, now = Date.now }: RoleDirectoryOptions): RoleDirectory {
  const cached = (session: SsoSession) => readRoleCache(paths, session);

  const running = new Map<string, { promise: Promise<RefreshResult>; priorities: ListingPriorities }>();
  const keyOf = (session: SsoSession) => `${session.name}\n${session.startUrl}`;

  /** A second refresh of a session while one runs joins it (the first caller's callbacks get the progress). */
  const refresh = (session: SsoSession, opts: RefreshOptions = {}): Promise<RefreshResult> => {
    const key = keyOf(session);
    let run = running.get(key);
    if (!run) {
      const priorities = opts.priorities ?? new ListingPriorities(opts.firstAccountIds);
      const promise = listAndStore(session, { ...opts, priorities }).finally(() => running.delete(key));
      run = { promise, priorities };
      running.set(key, run);
    }
    return run.promise;
  };

  const prioritize = (session: SsoSession, match: AccountMatch | undefined): boolean => {
    const run = running.get(keyOf(session));
    run?.priorities.prioritize(match);
    return run !== undefined;
  };

  const listAndStore = async (session: SsoSession, opts: RefreshOptions): Promise<RefreshResult> => {
    const before = await cached(session);
    const first = opts.priorities;
    const firstAccounts = first ? before?.accounts.filter((a) => first.isFirst(a.accountId)) : undefined;
    const result = await listAllRoles(portal, session, { ...opts, firstAccounts });
    await writeRoleCache(paths, session, result.accounts, result.roles, now());
    const oldIds = new Set(before?.accounts.map((a) => a.accountId));
    const newIds = new Set(result.accounts.map((a) => a.accountId));
    return {
      roles: result.roles,
      accounts: result.accounts,
      added: before ? result.accounts.filter((a) => !oldIds.has(a.accountId)) : [],
      removed: before ? before.accounts.filter((a) => !newIds.has(a.accountId)) : [],
      stats: result.stats,
    };
  };

  const resolve = async (
    session: SsoSession,
    accountQuery: string,
    roleQuery: string,
    opts: ListingOptions = {},
  ): Promise<RoleTarget> => {
    const hit = await cached(session);
    if (hit) {
      try {
        return await resolveRole(hit.roles, accountQuery, roleQuery);
      } catch (e) {
        if (!(e instanceof LanyardError && e.code === 'NOT_FOUND')) throw e;
      }
    }
    if (accountIdPattern.test(accountQuery.trim()) && roleQuery.trim())
      return { accountId: accountQuery.trim(), roleName: roleQuery.trim() };
    const fresh = await refresh(session, opts);
    return await resolveRole(fresh.roles, accountQuery, roleQuery);
  };

  return { cached, refresh, prioritize, resolve };
}
