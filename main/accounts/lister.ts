import { setMaxListeners } from 'node:events';
import type { Account, ListingProgress, RoleEntry } from '../../app/domain/accounts';
import { sortRoles } from '../../app/domain/role-order';
import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import { safeText } from '../../app/text/safe-text';
import { createLogger } from '../log/logger';
import { BearerHolder, portalCall, type Portal } from './portal';
import { ListingPriorities } from './priorities';
import { classify, MalformedResponse, type RetryStats } from './retry';

const log = createLogger('accounts.lister');

export type ListingOptions = {
  signal?: AbortSignal;
  onProgress?: (p: ListingProgress) => void;
  /** Each page of accounts as it arrives. */
  onAccounts?: (accounts: Account[]) => void;
  /** Each account's roles as they arrive. */
  onRoles?: (account: Account, roles: RoleEntry[]) => void;
  /** max_result for both APIs (1–100). */
  pageSize?: number;
  /** The order accounts' roles are asked for; keep a reference to re-prioritize while it runs. */
  priorities?: ListingPriorities;
  /**
   * Accounts known from the last listing (those of favorites and recents) whose roles are asked for
   * at once, before the ListAccounts pages reach them. Kept only if ListAccounts still lists them.
   */
  firstAccounts?: Account[];
};

export type ListingStats = { calls: number; retries: number; throttleEvents: number; elapsedMs: number };
export type ListingResult = { accounts: Account[]; roles: RoleEntry[]; stats: ListingStats };

function record(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === 'object' ? (x as Record<string, unknown>) : {};
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.length > 0 ? x : undefined;
}

/** A 200 whose body is not the documented shape is retried like a 5xx, never shown as data. */
function parseAccounts(out: unknown): { accounts: Account[]; next?: string } {
  const o = record(out);
  if (!Array.isArray(o.accountList)) throw new MalformedResponse('ListAccounts answer has no accountList');
  const accounts = o.accountList.map((raw): Account => {
    const a = record(raw);
    const accountId = str(a.accountId);
    if (!accountId) throw new MalformedResponse('ListAccounts answer has an account without accountId');
    return {
      // Names are the server's to choose: made inert here, so the CLI, the cache and the window all
      // get safe text.
      accountId: safeText(accountId),
      accountName: safeText(str(a.accountName) ?? accountId),
      emailAddress: safeText(str(a.emailAddress) ?? ''),
    };
  });
  return { accounts, next: str(o.nextToken) };
}

function parseRoles(out: unknown, accountId: string): { roles: string[]; next?: string } {
  const o = record(out);
  if (!Array.isArray(o.roleList)) throw new MalformedResponse('ListAccountRoles answer has no roleList');
  const roles = o.roleList.map((raw) => {
    const r = record(raw);
    const roleName = str(r.roleName);
    if (!roleName) throw new MalformedResponse('ListAccountRoles answer has a role without roleName');
    if (r.accountId !== undefined && r.accountId !== accountId)
      throw new MalformedResponse('ListAccountRoles answer is for another account');
    return safeText(roleName);
  });
  return { roles, next: str(o.nextToken) };
}

/** Pagination guard: botocore refuses a repeated token too; following it would loop forever. */
function checkNext(seen: Set<string>, next: string | undefined, what: string): void {
  if (next === undefined) return;
  if (seen.has(next))
    throw new LanyardError('SERVICE', `Identity Center repeated a page token while ${what}.`);
  seen.add(next);
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new LanyardError('INTERNAL', String(e));
}

/**
 * Roles of accounts listed early carry the names of the last listing: ListAccounts has the truth, and
 * an account it no longer lists is gone (with its roles).
 */
function reconcileEarly(roles: RoleEntry[], listed: Account[], early: Map<string, Account>): RoleEntry[] {
  const now = new Map(listed.filter((a) => early.has(a.accountId)).map((a) => [a.accountId, a]));
  return roles.flatMap((r) => {
    if (!early.has(r.accountId)) return [r];
    const a = now.get(r.accountId);
    return a ? [{ ...r, accountName: a.accountName, emailAddress: a.emailAddress }] : [];
  });
}

/**
 * ListAccounts, then ListAccountRoles for every account, all paced by the portal's shared limiter.
 * Roles of the first page's accounts are requested while later account pages are still coming
 * (account pages go first in the queue), so the pipe stays full at any latency. Transient errors
 * are retried underneath; what reaches the caller is a full listing, SESSION_EXPIRED, CANCELLED,
 * or a persistent failure.
 */
export async function listAllRoles(
  portal: Portal,
  session: SsoSession,
  opts: ListingOptions = {},
): Promise<ListingResult> {
  const started = performance.now();
  const { ListAccountsCommand, ListAccountRolesCommand } = await import('@aws-sdk/client-sso');
  const client = await portal.client(session);
  const bearer = new BearerHolder(portal.tokenSource, session.name);
  const throttlesBefore = portal.limiter.throttleEvents;
  const stats: RetryStats = { retries: 0 };
  const pageSize = opts.pageSize ?? 100;
  // Aborted by the caller, or by the first account that fails for good so the rest stop at once.
  const inner = new AbortController();
  const signal = inner.signal;
  // Every queued call listens on it; hundreds of listeners are expected, not a leak.
  setMaxListeners(0, signal);
  let firstError: unknown;
  const fail = (e: unknown) => {
    if (firstError === undefined) firstError = e;
    inner.abort();
  };
  let calls = 0;
  const priorities = opts.priorities ?? new ListingPriorities();
  /** Every account whose roles are asked for (for progress); the result keeps ListAccounts' own. */
  const accounts: Account[] = [];
  const listed: Account[] = [];
  const early = new Map((opts.firstAccounts ?? []).map((a) => [a.accountId, a]));
  const roles: RoleEntry[] = [];
  let accountsDone = 0;
  let accountPagesDone = false;

  const progress = (phase: ListingProgress['phase']) =>
    opts.onProgress?.({
      sessionName: session.name,
      phase,
      accountsDone,
      accountsTotal: accounts.length,
      throttled: portal.limiter.throttled,
    });

  const listRolesOf = async (account: Account): Promise<void> => {
    const names: string[] = [];
    const seen = new Set<string>();
    let next: string | undefined;
    try {
      do {
        const token = next;
        const out = await portalCall(
          portal,
          bearer,
          async (bearerToken, attemptSignal) => {
            calls += 1;
            const res = await client.send(
              new ListAccountRolesCommand({
                accessToken: bearerToken,
                accountId: account.accountId,
                maxResults: pageSize,
                nextToken: token,
              }),
              { abortSignal: attemptSignal },
            );
            return parseRoles(res, account.accountId);
          },
          {
            what: `ListAccountRoles ${account.accountId}`,
            signal,
            stats,
            priority: () => priorities.rank(account),
          },
        );
        names.push(...out.roles);
        next = out.next;
        checkNext(seen, next, `listing the roles of ${account.accountId}`);
      } while (next);
    } catch (e) {
      // The account went away between the two calls: it is simply not there any more.
      const kind = classify(e);
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (kind === 'forbidden' || status === 404) {
        log.info('account vanished during listing', { accountId: account.accountId });
        accountsDone += 1;
        return;
      }
      throw e;
    }
    const entries = names.map((roleName): RoleEntry => ({ sessionName: session.name, ...account, roleName }));
    roles.push(...entries);
    accountsDone += 1;
    opts.onRoles?.(account, entries);
    progress(accountPagesDone ? 'roles' : 'accounts');
  };

  const pending: Promise<void>[] = [];
  const outer = opts.signal;
  const onOuterAbort = () => inner.abort();
  if (outer?.aborted) inner.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const startListing = (a: Account) => {
    const p = listRolesOf(a);
    p.catch(fail);
    pending.push(p);
  };
  try {
    const seen = new Set<string>();
    const known = new Set<string>();
    let next: string | undefined;
    for (const a of early.values()) accounts.push(a);
    early.forEach(startListing);
    progress('accounts');
    do {
      const token = next;
      const page = await portalCall(
        portal,
        bearer,
        async (bearerToken, attemptSignal) => {
          calls += 1;
          const res = await client.send(
            new ListAccountsCommand({ accessToken: bearerToken, maxResults: pageSize, nextToken: token }),
            { abortSignal: attemptSignal },
          );
          return parseAccounts(res);
        },
        { what: 'ListAccounts', signal, priority: true, stats },
      );
      const fresh = page.accounts.filter((a) => !known.has(a.accountId));
      for (const a of fresh) known.add(a.accountId);
      listed.push(...fresh);
      accounts.push(...fresh.filter((a) => !early.has(a.accountId)));
      opts.onAccounts?.(fresh);
      next = page.next;
      checkNext(seen, next, 'listing accounts');
      for (const a of fresh) if (!early.has(a.accountId)) startListing(a);
      progress('accounts');
    } while (next);
    accountPagesDone = true;
    progress('roles');
    await Promise.allSettled(pending);
    if (firstError !== undefined) throw asError(firstError);
  } catch (e) {
    fail(e);
    await Promise.allSettled(pending);
    if (outer?.aborted) throw new LanyardError('CANCELLED', 'Listing cancelled.');
    throw asError(firstError);
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  progress('done');
  const elapsedMs = performance.now() - started;
  const result = {
    accounts: listed,
    roles: sortRoles(early.size > 0 ? reconcileEarly(roles, listed, early) : roles),
    stats: {
      calls,
      retries: stats.retries,
      throttleEvents: portal.limiter.throttleEvents - throttlesBefore,
      elapsedMs,
    },
  };
  log.info('listed roles', {
    session: session.name,
    accounts: accounts.length,
    roles: roles.length,
    ...result.stats,
  });
  return result;
}
