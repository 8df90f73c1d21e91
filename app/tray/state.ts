/**
 * What the tray shows, as plain data: the core derives it from its snapshot, the shell renders it
 * with Electron's Menu, and tests build it by hand. Serializable, no secrets.
 */
import type { SessionState } from '../domain/session';

export type TrayRoleRef = { session: string; accountId: string; roleName: string };

export type TrayRole = TrayRoleRef & {
  /** Known once roles have been listed; the account id stands in until then. */
  accountName?: string;
};

export type TraySession = {
  name: string;
  state: SessionState;
  /** ISO expiry of the access token. */
  expiresAt?: string;
  /** ISO: last moment usable without signing in again, when known. */
  usableUntil?: string;
  refreshable: boolean;
  signingIn: boolean;
  listing: boolean;
};

export type TrayState = {
  /** Epoch ms the state was taken at: "time left" is relative to it. */
  now: number;
  online: boolean;
  sessions: TraySession[];
  favorites: TrayRole[];
  recents: TrayRole[];
  /** A session ending within this many ms counts as expiring (default 30 min). */
  expiringWithinMs?: number;
};

/** Everything a tray click can ask for: a plain union so the shell can pass it back unchanged. */
export type TrayAction =
  | { type: 'signIn'; session: string }
  | { type: 'signOut'; session: string }
  | { type: 'startFresh'; session: string }
  | { type: 'copyEnv'; role: TrayRoleRef }
  | { type: 'openConsole'; role: TrayRoleRef }
  | { type: 'openWindow'; focusSearch?: boolean }
  | { type: 'quit' };

/** The moment a session stops being usable without a sign-in, as far as the tray can tell. */
export function sessionEndsAt(s: TraySession): number | undefined {
  const iso = s.usableUntil ?? (s.refreshable ? undefined : s.expiresAt);
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** "2h 05m", "14m", "<1m": compact enough for a menu line and a tooltip. */
export function formatTimeLeft(ms: number): string {
  if (ms < 60_000) return '<1m';
  const totalMin = Math.floor(ms / 60_000);
  const days = Math.floor(totalMin / 1440);
  const hours = Math.floor((totalMin % 1440) / 60);
  const mins = totalMin % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(mins).padStart(2, '0')}m`;
  return `${mins}m`;
}
