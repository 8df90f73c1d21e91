/**
 * What the tray shows, as plain data: the core derives it from its snapshot, the shell renders it
 * with Electron's Menu, and tests build it by hand. Plain data plus the clock formatter, no secrets.
 */
import type { SessionState } from '../domain/session';
import type { ClockText } from '../schedule/end-text';

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
  /** Epoch ms the state was taken at. */
  now: number;
  /** Local clock times for "ends 17:40": passed in so app/ stays pure and tests fix the time zone. */
  clock: ClockText;
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
