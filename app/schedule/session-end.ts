/**
 * When a session stops being usable without a new sign-in: the one rule behind `usableUntil`
 * (pure, the clock is passed in). A token that cannot renew ends when it expires. A renewing one
 * ends a session length after the sign-in, and no earlier than the access token the service
 * issued last, since Identity Center does not issue tokens that outlive the session.
 */
import type { SessionState } from '../domain/session';
import type { SessionLength } from './session-length';

export type UsableUntilSource = 'token' | 'default' | 'configured' | 'observed';

/** When the interactive sign-in happened, and whether Lanyard saw it or worked it out. */
export type SignInRecord = { at: number; estimate: boolean; basis: string };

export type SessionEndInput = {
  state: SessionState;
  refreshable: boolean;
  /** Expiry of the cached access token (epoch ms). */
  expiresAt?: number;
  signIn?: SignInRecord;
  length: SessionLength;
};

export type PlannedEnd = {
  usableUntil: number;
  source: UsableUntilSource;
  estimate: boolean;
  /** How it was worked out, in words (the window's hover text). */
  basis: string;
};

/** Access-token lifetime Identity Center issues by default; used only to date a token that was never renewed. */
export const ACCESS_TOKEN_LIFETIME_MS = 3600_000;

export function planSessionEnd(
  s: SessionEndInput,
  lengthWords: (seconds: number) => string,
): PlannedEnd | undefined {
  if (s.state === 'signed-out' || s.expiresAt === undefined) return undefined;
  if (!s.refreshable)
    return {
      usableUntil: s.expiresAt,
      source: 'token',
      estimate: false,
      basis: 'This sign-in cannot renew itself: it ends when its token expires.',
    };
  const signIn = s.signIn ?? {
    at: s.expiresAt - ACCESS_TOKEN_LIFETIME_MS,
    estimate: true,
    basis: 'signed in about an hour before the current token expires',
  };
  const planned = signIn.at + s.length.seconds * 1000;
  const lengthText = `${lengthWords(s.length.seconds)} (${lengthSourceWords[s.length.source]})`;
  const latestToken = s.state === 'signed-in' && s.expiresAt > planned;
  // Ended already (a refresh was refused): it ended by the last token's expiry at the latest.
  const usableUntil = latestToken
    ? s.expiresAt
    : s.state === 'expired'
      ? Math.min(planned, s.expiresAt)
      : planned;
  const basis =
    `${signIn.estimate ? 'Estimated' : 'Signed in'} ${signIn.basis}; sessions last ${lengthText}.` +
    (latestToken
      ? ' Identity Center has issued a token valid until later, so the session lasts at least that long.'
      : '');
  return { usableUntil, source: s.length.source, estimate: signIn.estimate, basis };
}

const lengthSourceWords: Record<SessionLength['source'], string> = {
  default: "Identity Center's default",
  configured: 'your setting',
  observed: 'as observed earlier',
};
