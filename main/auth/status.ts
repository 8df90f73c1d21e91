import type { SessionState, SessionStatus, SsoSession } from '../../app/domain/session';
import { planSessionEnd } from '../../app/schedule/session-end';
import { formatSessionLength, type SessionLength } from '../../app/schedule/session-length';
import type { SignInEntry } from './sign-in-history';
import { whyNotRefreshable } from './refresh';
import { formatCacheTime } from './timestamps';
import type { TokenRead } from './token-cache';

/** What the UI and `lanyard status` show for one session, from its token file and what Lanyard saw. */
export function describeStatus(
  session: SsoSession,
  read: TokenRead,
  now: number,
  seen: { refreshFailure?: string; rejected?: boolean },
  end: { length: SessionLength; signIn?: SignInEntry } = { length: { seconds: 8 * 3600, source: 'default' } },
): SessionStatus {
  const status = describeState(session, read, now, seen);
  return { ...status, ...endFields(status.state, read, end) };
}

/** usableUntil and how it was worked out (app/schedule/session-end), plus a length on offer. */
function endFields(
  state: SessionState,
  read: TokenRead,
  end: { length: SessionLength; signIn?: SignInEntry },
): Partial<SessionStatus> {
  const observed =
    end.signIn?.observedSeconds !== undefined && end.signIn.observedSeconds !== end.length.seconds
      ? { observedSessionLength: end.signIn.observedSeconds }
      : {};
  if (read.kind !== 'ok') return observed;
  const refreshable = whyNotRefreshable(read.token, Number.NEGATIVE_INFINITY) === undefined;
  const planned = planSessionEnd(
    { state, refreshable, expiresAt: read.token.expiresAt, signIn: end.signIn, length: end.length },
    formatSessionLength,
  );
  if (!planned) return observed;
  return {
    ...observed,
    usableUntil: formatCacheTime(planned.usableUntil),
    usableUntilSource: planned.source,
    usableUntilEstimate: planned.estimate,
    usableUntilBasis: planned.basis,
    ...(planned.source !== 'token' && end.signIn ? { signedInAt: formatCacheTime(end.signIn.at) } : {}),
  };
}

function describeState(
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
