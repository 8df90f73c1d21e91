/**
 * When to warn that a session is about to stop working (pure; main/notify runs it on a clock).
 *
 * The end of use is the token expiry when the token cannot be refreshed, otherwise the end of the
 * Identity Center session once known (a failed refresh tells us it has ended). A refreshable
 * session whose end is unknown gets no warnings: silent refreshes keep it going without noise.
 */
import type { SessionState } from '../domain/session';
import { durationWords } from '../format/duration';

export type EndOfUseInput = {
  state: SessionState;
  refreshable: boolean;
  expiresAt?: string;
  usableUntil?: string;
};

/** The moment a session stops being usable without a sign-in, if known: the tray, notices and the core ask here. */
export function endOfUse(s: EndOfUseInput): number | undefined {
  if (s.state === 'signed-out') return undefined;
  const iso = s.usableUntil ?? (s.refreshable ? undefined : s.expiresAt);
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
}

export type SessionEnd = { session: string; endsAt: number };

export type ExpiryNotice = {
  /** Unique per session, lead and end: a new sign-in (new end) warns afresh. */
  key: string;
  /** Stable per session and lead, so the OS replaces rather than stacks. */
  id: string;
  session: string;
  /** 0 = the session has ended. */
  leadMinutes: number;
  endsAt: number;
  at: number;
};

/** How long after the end an "ended" notice is still worth showing (e.g. the laptop woke up). */
export const ENDED_NOTICE_GRACE_MS = 15 * 60_000;

export function planNotices(ends: readonly SessionEnd[], leadMinutes: readonly number[]): ExpiryNotice[] {
  const leads = [...new Set([...leadMinutes, 0])].sort((a, b) => b - a);
  return ends.flatMap(({ session, endsAt }) =>
    leads.map((lead) => ({
      key: `${session}:${lead}:${endsAt}`,
      id: `expiry:${session}:${lead}`,
      session,
      leadMinutes: lead,
      endsAt,
      at: endsAt - lead * 60_000,
    })),
  );
}

/**
 * The notices to show now: per session only the most urgent one that is due, and every due
 * notice of that session marked consumed, so waking from sleep past two lead times shows one
 * notification, not a burst. Notices for a moment long past are consumed silently.
 */
export function dueNotices(
  all: readonly ExpiryNotice[],
  now: number,
  shown: ReadonlySet<string>,
): { show: ExpiryNotice[]; consumed: string[] } {
  const show: ExpiryNotice[] = [];
  const consumed: string[] = [];
  const bySession = new Map<string, ExpiryNotice[]>();
  for (const n of all) {
    if (shown.has(n.key) || n.at > now) continue;
    bySession.set(n.session, [...(bySession.get(n.session) ?? []), n]);
  }
  for (const due of bySession.values()) {
    consumed.push(...due.map((n) => n.key));
    const urgent = due.reduce((a, b) => (b.leadMinutes < a.leadMinutes ? b : a));
    const stale =
      urgent.leadMinutes === 0 ? now - urgent.endsAt > ENDED_NOTICE_GRACE_MS : now >= urgent.endsAt;
    if (!stale) show.push(urgent);
  }
  return { show, consumed };
}

/** The next moment something becomes due, if anything is still ahead. */
export function nextDueAt(
  all: readonly ExpiryNotice[],
  now: number,
  shown: ReadonlySet<string>,
): number | undefined {
  let next: number | undefined;
  for (const n of all) {
    if (shown.has(n.key) || n.at <= now) continue;
    if (next === undefined || n.at < next) next = n.at;
  }
  return next;
}

export type NoticeText = {
  title: string;
  body: string;
  actionLabel: string;
  action: 'signIn' | 'startFresh';
};

export function noticeText(n: ExpiryNotice, now: number): NoticeText {
  if (n.leadMinutes === 0 || now >= n.endsAt) {
    return {
      title: `${n.session}: signed out`,
      body: 'Your AWS sign-in has ended. Sign in again to keep using its accounts.',
      actionLabel: 'Sign In',
      action: 'signIn',
    };
  }
  return {
    title: `${n.session}: sign-in ends in ${durationWords(n.endsAt - now)}`,
    body: 'Start a fresh session now to avoid interruptions.',
    actionLabel: 'Start Fresh Session',
    action: 'startFresh',
  };
}
