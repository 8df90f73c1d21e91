import type { SessionStatus, SsoSession } from '../../app/domain/session';
import { whyNotRefreshable } from './refresh';
import { formatCacheTime } from './timestamps';
import type { TokenRead } from './token-cache';

/** What the UI and `lanyard status` show for one session, from its token file and what Lanyard saw. */
export function describeStatus(
  session: SsoSession,
  read: TokenRead,
  now: number,
  seen: { refreshFailure?: string; rejected?: boolean },
): SessionStatus {
  if (read.kind === 'missing') return { session, state: 'signed-out', refreshable: false };
  if (read.kind === 'invalid')
    return {
      session,
      state: 'signed-out',
      refreshable: false,
      reason: `The cached sign-in (${read.file}) ${read.reason}; sign in again.`,
    };
  const { token } = read;
  const expiresAt = formatCacheTime(token.expiresAt);
  const notRefreshable = whyNotRefreshable(token, now);
  const refreshable = notRefreshable === undefined;
  const usableUntil = !refreshable || seen.refreshFailure ? expiresAt : undefined;
  const base = { session, expiresAt, refreshable, ...(usableUntil ? { usableUntil } : {}) };
  if (seen.rejected)
    return {
      ...base,
      state: 'expired',
      reason: `Identity Center refused the sign-in${seen.refreshFailure ? ` and renewing failed: ${seen.refreshFailure}` : ''}; sign in again.`,
    };
  if (token.expiresAt > now) return { ...base, state: 'signed-in' };
  return {
    ...base,
    state: 'expired',
    reason: seen.refreshFailure
      ? `The sign-in ended at ${expiresAt} and renewing it failed: ${seen.refreshFailure}`
      : `The sign-in ended at ${expiresAt}; it cannot renew itself: ${notRefreshable ?? 'no renewal was possible'}.`,
  };
}
