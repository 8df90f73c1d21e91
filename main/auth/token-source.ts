/**
 * How everything that calls the portal (listing, credentials, console) gets a bearer token.
 * The sign-in core implements it; listing code depends on this type only.
 */
export type TokenSource = {
  /**
   * A usable access token for the session, refreshed silently first when it is near expiry and a
   * refresh token exists. Throws LanyardError NOT_SIGNED_IN (no token cached), SESSION_EXPIRED
   * (expired and cannot be refreshed) or UNKNOWN_SESSION.
   */
  getAccessToken(sessionName: string): Promise<string>;
  /**
   * The portal rejected `rejected` (401 UnauthorizedException) although it looked valid: try one
   * silent refresh and return the new token, or throw SESSION_EXPIRED ("sign in again").
   * Concurrent callers share one refresh.
   */
  refreshAfterRejection(sessionName: string, rejected: string): Promise<string>;
};
