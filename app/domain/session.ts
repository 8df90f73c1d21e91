/** A place a person signs in: an `[sso-session NAME]` section, or a legacy profile with `sso_start_url`. */
export type SsoSession = {
  /** The sso-session name, or for a legacy profile the profile's name. */
  name: string;
  kind: 'sso-session' | 'legacy-profile';
  startUrl: string;
  region: string;
  /** Registered scopes; empty for legacy profiles (which get no refresh token). */
  scopes: string[];
};

export type SessionState = 'signed-out' | 'signed-in' | 'expired';

/** What Lanyard knows about one session's sign-in, safe to show anywhere (no secrets). */
export type SessionStatus = {
  session: SsoSession;
  state: SessionState;
  /** ISO-8601 UTC expiry of the cached access token, when there is one. */
  expiresAt?: string;
  /** True when a refresh token and an unexpired registration are cached. */
  refreshable: boolean;
  /**
   * The last moment the session can be used without a new sign-in (app/schedule/session-end):
   * the token expiry when not refreshable, else the sign-in time plus the session length.
   * Always set while signed in.
   */
  usableUntil?: string;
  /** Where usableUntil comes from: the token itself, or the session length's source. */
  usableUntilSource?: 'token' | 'default' | 'configured' | 'observed';
  /** True when the sign-in time was worked out from another tool's token file, not seen by Lanyard. */
  usableUntilEstimate?: boolean;
  /** How usableUntil was worked out, in words (hover text). */
  usableUntilBasis?: string;
  /** ISO time of the interactive sign-in (recorded or estimated), for renewing sessions. */
  signedInAt?: string;
  /** A session length (seconds) Lanyard observed from a refused renewal, offered to remember. */
  observedSessionLength?: number;
  /** Why the session is expired or signed out, in words for a person. */
  reason?: string;
};

/** A token as held in memory; never sent to the renderer. */
export type AccessToken = {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
};
