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
