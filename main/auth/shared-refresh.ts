import type { SsoSession } from '../../app/domain/session';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { refreshWindowMs } from './refresh';
import { withRefreshLock } from './refresh-lock';
import { readTokenFile, writeTokenFile, type CachedToken } from './token-cache';

const log = createLogger('auth.shared-refresh');

/**
 * After a refused refresh, how long to watch the file for the winner's write: botocore and the AWS
 * CLI take no lock, and write a moment after their CreateToken answer.
 */
const winnerWaitMs = [50, 100, 200, 400, 800];

export type SharedRefreshDeps = {
  paths: Paths;
  now: () => number;
  /** One refresh_token grant with this token's refresh token (throws when refused). */
  refresh: (token: CachedToken) => Promise<CachedToken>;
};

/** A token on disk that someone else wrote since `seen`, and that can be used now. */
async function newerOnDisk(
  deps: SharedRefreshDeps,
  session: SsoSession,
  seen: CachedToken,
  minLifeMs: number,
): Promise<CachedToken | undefined> {
  const read = await readTokenFile(deps.paths, session);
  if (read.kind !== 'ok' || read.token.accessToken === seen.accessToken) return undefined;
  return read.token.expiresAt - deps.now() > minLifeMs ? read.token : undefined;
}

/**
 * Refreshes a session's token with the other processes sharing ~/.aws/sso/cache in mind. Identity
 * Center rotates refresh tokens: each works once, so two processes refreshing with the same one
 * means one is refused. Lanyard processes take turns (a lock) and each first re-reads the file, using
 * the token the previous one wrote; a refusal caused by another tool's refresh is healed by
 * re-reading the file for the token it wrote. The returned token is on disk unless the write failed.
 */
export function refreshShared(
  deps: SharedRefreshDeps,
  session: SsoSession,
  token: CachedToken,
): Promise<CachedToken> {
  return withRefreshLock(deps.paths, session, async () => {
    // Another process may have renewed it while this one waited for the lock.
    const fresh = await newerOnDisk(deps, session, token, refreshWindowMs);
    if (fresh) return fresh;
    const read = await readTokenFile(deps.paths, session);
    // The newest refresh token is the one on disk (the old one may already be spent).
    const current =
      read.kind === 'ok' && read.token.refreshToken && read.token.accessToken !== token.accessToken
        ? read.token
        : token;
    let next: CachedToken;
    try {
      next = await deps.refresh(current);
    } catch (e) {
      for (const ms of winnerWaitMs) {
        const winner = await newerOnDisk(deps, session, current, 0);
        if (winner) {
          log.info(`${session.name} was renewed by another program; using its token`);
          return winner;
        }
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
      const winner = await newerOnDisk(deps, session, current, 0);
      if (winner) return winner;
      throw e;
    }
    try {
      await writeTokenFile(deps.paths, session, next);
    } catch (e) {
      // Like the SDKs: the renewed token still works from memory for this call.
      log.warn(`renewed ${session.name} but could not save it`, e);
    }
    return next;
  });
}
