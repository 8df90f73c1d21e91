/**
 * Learning a session length from a refused renewal (pure). Identity Center answers a refresh after
 * the session's end and one after a sign-out or revocation the same way, so Lanyard only offers a
 * length when the end is pinned down: it signed the person in itself, it saw the session alive
 * shortly before the refusal, and the window between the two fits a session length rather than an
 * arbitrary moment. See docs/reliability.md.
 */
import { MAX_SESSION_LENGTH_SECONDS, MIN_SESSION_LENGTH_SECONDS } from './session-length';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** The session durations Identity Center offers; an end that brackets one of these is taken as it. */
export const STANDARD_LENGTHS_MS = [15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR].concat(
  [1, 7, 14, 30, 90].map((d) => d * 24 * HOUR),
);
/** Wider than one hourly renewal cycle and the session's end is not known closely enough. */
export const MAX_BRACKET_MS = 65 * MIN;
/** A window this narrow pins the end even when it is not a standard duration (e.g. a test stand-in). */
export const TIGHT_BRACKET_MS = 5 * MIN;

export type RefusalEvidence = {
  /** The sign-in Lanyard itself completed (never an estimate). */
  signedInAt: number;
  /** Last renewal that succeeded, and the expiry of the token it brought. */
  lastRenewedAt?: number;
  lastTokenExpiresAt?: number;
  /** The refused renewal. */
  refusedAt: number;
  /** The length in use now (seconds): nothing is offered when the observation agrees with it. */
  currentSeconds: number;
};

/** The length (seconds) the refusal points to, or undefined when it could as well be a sign-out or revocation. */
export function observedLength(e: RefusalEvidence): number | undefined {
  if (e.lastRenewedAt === undefined || e.lastRenewedAt < e.signedInAt) return undefined;
  // The service vouched for the session up to the last token's expiry when that has passed already.
  const aliveUntil = Math.max(
    e.lastRenewedAt,
    e.lastTokenExpiresAt !== undefined && e.lastTokenExpiresAt <= e.refusedAt ? e.lastTokenExpiresAt : 0,
  );
  const width = e.refusedAt - aliveUntil;
  const upper = e.refusedAt - e.signedInAt;
  const lower = aliveUntil - e.signedInAt;
  if (width < 0 || width > MAX_BRACKET_MS || width > upper / 2) return undefined;
  const standard = STANDARD_LENGTHS_MS.find((l) => l >= lower && l <= upper);
  let ms: number | undefined = standard;
  if (ms === undefined && width <= TIGHT_BRACKET_MS) ms = Math.max(MIN, Math.round(lower / MIN) * MIN);
  if (ms === undefined) return undefined;
  const seconds = Math.round(ms / 1000);
  if (seconds < MIN_SESSION_LENGTH_SECONDS || seconds > MAX_SESSION_LENGTH_SECONDS) return undefined;
  if (Math.abs(seconds - e.currentSeconds) < 60) return undefined;
  return seconds;
}
