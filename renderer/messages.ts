/**
 * What the window says about a session, as one message: one plain sentence and at most one action.
 * Pure (no React, no clock of its own), so every combination of states is unit-tested, and two
 * banners can never contradict each other: each session yields one message, chosen by precedence.
 */
import type { ErrorCode } from '../app/errors';
import type { SessionView } from '../app/ipc/contract';
import { countdown, formatAgo } from '../app/format/duration';

export type MessageAction = 'signIn' | 'showSignIn' | 'retry';
export type Tone = 'info' | 'warn' | 'error';

export type Message = {
  /**
   * Stable while the state lasts (not while the text ticks): a dismissed message stays dismissed
   * until its key changes, that is until the state changes.
   */
  key: string;
  tone: Tone;
  text: string;
  action?: { kind: MessageAction; label: string; session?: string };
  dismissable: boolean;
};

/** A session is about to end when it cannot renew itself and has less than this left. */
export const endingSoonMs = 15 * 60_000;

export type SessionFacts = Pick<
  SessionView,
  'state' | 'signingIn' | 'refreshable' | 'expiresAt' | 'usableUntil' | 'listing' | 'rolesFetchedAt'
> & {
  name: string;
  /** The last listing error, from main's snapshot or from the renderer's own roles.get. */
  listingError?: { code: ErrorCode; message: string };
  /** Roles are cached for this session (so a failed listing still leaves a list). */
  hasRoles: boolean;
};

/** When the session stops working without a new sign-in, if Lanyard knows. */
export function sessionEnds(s: Pick<SessionView, 'usableUntil' | 'expiresAt' | 'refreshable'>) {
  if (s.usableUntil) return Date.parse(s.usableUntil);
  if (!s.refreshable && s.expiresAt) return Date.parse(s.expiresAt);
  return undefined;
}

/** The one message for a session, or none when all is well (the session chip then says enough). */
export function sessionMessage(s: SessionFacts, now: number, online: boolean): Message | undefined {
  const { name } = s;
  if (s.signingIn) {
    return {
      key: `${name}:signing-in`,
      tone: 'info',
      text: `Signing in to ${name}.`,
      action: { kind: 'showSignIn', label: 'Show', session: name },
      dismissable: true,
    };
  }
  if (s.state === 'expired') {
    return {
      key: `${name}:expired`,
      tone: 'error',
      text: `Your ${name} session has ended.`,
      action: { kind: 'signIn', label: 'Sign in again', session: name },
      dismissable: false,
    };
  }
  if (s.state === 'signed-out') {
    return {
      key: `${name}:signed-out`,
      tone: 'info',
      text: `You are signed out of ${name}.`,
      action: { kind: 'signIn', label: 'Sign in', session: name },
      dismissable: true,
    };
  }
  const ends = sessionEnds(s);
  const left = ends === undefined ? undefined : ends - now;
  if (left !== undefined && left <= 0) {
    return {
      key: `${name}:expired`,
      tone: 'error',
      text: `Your ${name} session has ended.`,
      action: { kind: 'signIn', label: 'Sign in again', session: name },
      dismissable: false,
    };
  }
  // A running listing supersedes the last one's error: it is the retry.
  const listing = s.listing && s.listing.phase !== 'done' ? s.listing : undefined;
  const error = listing ? undefined : s.listingError;
  if (error && !(!online && error.code === 'NETWORK')) {
    const kept = s.hasRoles ? ` Showing the list from ${formatAgo(s.rolesFetchedAt, now)}.` : '';
    return {
      key: `${name}:listing-error:${error.code}`,
      tone: 'error',
      text: `Could not list the roles of ${name}: ${error.message}${kept}`,
      action: { kind: 'retry', label: 'Retry', session: name },
      dismissable: s.hasRoles,
    };
  }
  if (left !== undefined && left < endingSoonMs) {
    return {
      key: `${name}:ending`,
      tone: 'warn',
      text: `Your ${name} session ends in ${countdown(left)}.`,
      action: { kind: 'signIn', label: 'Sign in again', session: name },
      dismissable: true,
    };
  }
  if (listing?.throttled) {
    return {
      key: `${name}:throttled`,
      tone: 'info',
      text: `Identity Center is slowing down the listing of ${name}; it finishes by itself.`,
      dismissable: true,
    };
  }
  return undefined;
}

/** The app-wide message: offline. One for the whole window, however many sessions are listed. */
export function offlineMessage(online: boolean, anyRoles: boolean): Message | undefined {
  if (online) return undefined;
  return {
    key: 'offline',
    tone: 'warn',
    text: anyRoles
      ? 'You are offline: showing saved roles until the network is back.'
      : 'You are offline: Lanyard lists your roles when the network is back.',
    dismissable: true,
  };
}

/** Config file warnings, each its own message (they are different problems). */
export function warningMessages(warnings: readonly string[]): Message[] {
  return warnings.map((w) => ({ key: `warning:${w}`, tone: 'warn', text: w, dismissable: true }));
}

const toneRank: Record<Tone, number> = { error: 0, warn: 1, info: 2 };

/** Every message of the window, most serious first, minus those the person dismissed. */
export function windowMessages(
  sessions: readonly SessionFacts[],
  online: boolean,
  warnings: readonly string[],
  now: number,
  dismissed: ReadonlySet<string>,
): Message[] {
  const all = [
    offlineMessage(
      online,
      sessions.some((s) => s.hasRoles),
    ),
    ...sessions.map((s) => sessionMessage(s, now, online)),
    ...warningMessages(warnings),
  ].filter((m): m is Message => m !== undefined && !(m.dismissable && dismissed.has(m.key)));
  return all.sort((a, b) => toneRank[a.tone] - toneRank[b.tone]);
}

/**
 * The dismissed keys still worth remembering: a key whose state has ended is forgotten, so the
 * same state coming back later (ending soon again, tomorrow) shows its message again.
 */
export function pruneDismissed(
  dismissed: ReadonlySet<string>,
  current: readonly Pick<Message, 'key'>[],
): ReadonlySet<string> {
  const live = new Set(current.map((m) => m.key));
  const kept = [...dismissed].filter((k) => live.has(k));
  return kept.length === dismissed.size ? dismissed : new Set(kept);
}
