/**
 * When the desktop core wakes up for a session's end: the silent renewal of renewing sessions,
 * plus a renewal probe at the planned end so an ended session is confirmed by Identity Center
 * (a refused renewal) before Lanyard says "session ended".
 */
import type { SessionStatus } from '../../app/domain/session';

/** Epoch ms of the next silent renewal (or end-of-session probe), if the session renews. */
export function silentRefreshDue(
  s: SessionStatus,
  now: number,
  windowMs: number,
  retryMs: number,
): number | undefined {
  if (s.state !== 'signed-in' || !s.refreshable || !s.expiresAt) return undefined;
  let due = Date.parse(s.expiresAt) - windowMs + 1_000;
  const end = s.usableUntil && s.usableUntilSource !== 'token' ? Date.parse(s.usableUntil) : undefined;
  if (end !== undefined && end > now && end < due) due = end;
  return Math.max(due, now + retryMs);
}

/**
 * Whether the session's end should drive notices now. A renewing session past its planned end that
 * still looks signed in waits for the probe: a refused renewal turns it expired (one "ended" notice),
 * a granted one moves the end.
 */
export function renewingEnds(s: SessionStatus, now: number): boolean {
  if (s.state !== 'signed-in' || s.usableUntilSource === 'token' || !s.usableUntil) return true;
  return Date.parse(s.usableUntil) > now;
}
