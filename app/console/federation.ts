import type { RoleCredentials } from '../domain/credentials';
import { LanyardError } from '../errors';
import { enc } from './url';

export const minSessionDuration = 900;
export const maxSessionDuration = 43_200;

/** Console session length in seconds, 900–43200 (doc §5.1); undefined lets it follow the credentials. */
export function validateSessionDuration(seconds: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  if (!Number.isInteger(seconds) || seconds < minSessionDuration || seconds > maxSessionDuration)
    throw new LanyardError(
      'BAD_INPUT',
      `The console session duration must be a whole number of seconds from ${minSessionDuration} to ${maxSessionDuration}.`,
    );
  return seconds;
}

/** Step 1: the getSigninToken request. The URL carries the role credentials: never log it. */
export function signinTokenUrl(federation: string, creds: RoleCredentials, durationSeconds?: number): string {
  const session = JSON.stringify({
    sessionId: creds.accessKeyId,
    sessionKey: creds.secretAccessKey,
    sessionToken: creds.sessionToken,
  });
  const duration = durationSeconds === undefined ? '' : `&SessionDuration=${durationSeconds}`;
  return `${federation}?Action=getSigninToken${duration}&Session=${enc(session)}`;
}

/** Step 2: the login URL for the browser; valid 15 minutes. */
export function loginUrl(
  federation: string,
  issuer: string,
  destination: string,
  signinToken: string,
): string {
  return `${federation}?Action=login&Issuer=${enc(issuer)}&Destination=${enc(destination)}&SigninToken=${enc(signinToken)}`;
}

/**
 * Log out of any console session first (a browser holds one per domain), then land on `next`:
 * the chained form Leapp uses, so one URL does both in order (doc §5.3).
 */
export function logoutFirstUrl(federation: string, next: string): string {
  const origin = federation.replace(/\/federation\/?$/, '');
  return `${origin}/oauth?Action=logout&redirect_uri=${enc(next)}`;
}

/** Access-portal shortcut (doc §5.4): no federation call; the portal signs the person in. */
export function portalConsoleLink(
  startUrl: string,
  accountId: string,
  roleName: string,
  destination?: string,
): string {
  const base = startUrl.replace(/\/+$/, '');
  const dest = destination ? `&destination=${enc(destination)}` : '';
  return `${base}/#/console?account_id=${enc(accountId)}&role_name=${enc(roleName)}${dest}`;
}
