import type { SsoSession } from '../../app/domain/session';
import type { CachedToken } from './token-cache';
import type { Oidc } from './oidc';
import { toLanyardError } from './service-errors';

/** botocore's advisory window: renew once fewer than 15 minutes remain. */
export const refreshWindowMs = 15 * 60_000;
/** botocore tries at most once a minute per session, so a failing service is not hammered. */
export const refreshRetryMs = 60_000;

/** Why a token cannot renew itself, or undefined when it can (the botocore conditions). */
export function whyNotRefreshable(token: CachedToken, now: number): string | undefined {
  if (!token.refreshToken) return 'no refresh token (sign-ins without registration scopes last a fixed time)';
  if (!token.clientId || !token.clientSecret) return 'the cached token carries no client registration';
  if (token.registrationExpiresAt === undefined) return 'the cached token carries no registration expiry';
  if (token.registrationExpiresAt <= now) return 'the client registration has expired';
  return undefined;
}

/**
 * One refresh_token grant; the new token keeps the registration fields verbatim and drops the refresh
 * token when the answer carries none, exactly what botocore writes back.
 */
export async function refreshToken(
  oidc: Oidc,
  session: SsoSession,
  token: CachedToken,
  now: () => number,
): Promise<CachedToken> {
  try {
    const out = await oidc.createToken({
      clientId: token.clientId!,
      clientSecret: token.clientSecret!,
      grantType: 'refresh_token',
      refreshToken: token.refreshToken!,
    });
    return {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: out.accessToken,
      expiresAt: now() + out.expiresIn * 1000,
      clientId: token.clientId,
      clientSecret: token.clientSecret,
      registrationExpiresAt: token.registrationExpiresAt,
      registrationExpiresAtText: token.registrationExpiresAtText,
      refreshToken: out.refreshToken,
    };
  } catch (e) {
    throw toLanyardError(e, oidc.endpoint, 'session renewal');
  }
}
