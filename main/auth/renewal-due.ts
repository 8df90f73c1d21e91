import { refreshWindowMs } from './refresh';
import type { SignInEntry } from './sign-in-history';
import type { CachedToken } from './token-cache';

/**
 * Renew near the token's expiry, and once right after the planned end of the session: a refusal
 * then confirms the session has ended, a grant shows it lasts longer.
 */
export function renewalDue(
  token: CachedToken,
  signIn: SignInEntry | undefined,
  lengthMs: number,
  now: number,
): boolean {
  if (token.expiresAt - now <= refreshWindowMs) return true;
  if (!signIn) return false;
  const end = signIn.at + lengthMs;
  return end <= now && (signIn.lastRenewedAt ?? signIn.at) < end;
}
