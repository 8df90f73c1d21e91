import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import { consoleDestination } from '../../app/console/destination';
import {
  loginUrl,
  logoutFirstUrl,
  portalConsoleLink,
  signinTokenUrl,
  validateSessionDuration,
} from '../../app/console/federation';
import { federationEndpoint } from '../../app/policy/partitions';
import { assertUrl } from '../../app/policy/urls';
import type { CredentialStore } from '../credentials/role-credentials';
import { createLogger } from '../log/logger';
import { registerSecret } from '../log/redact';
import { httpGet } from './http-get';

const log = createLogger('console');

export type ConsoleRequest = {
  session: SsoSession;
  accountId: string;
  roleName: string;
  /** Console region; none opens the console's default. Also picks the regional sign-in host. */
  region?: string;
  /** A shortcut such as ec2, s3, iam, or a console path. */
  service?: string;
  /** The access-portal link instead of federation: no credentials, the portal signs the person in. */
  portalLink?: boolean;
  /** Console session length, 900–43200 seconds. */
  durationSeconds?: number;
  /** Log out of any console session before signing in (one console session per browser). */
  logoutFirst?: boolean;
  signal?: AbortSignal;
};

export type ConsoleDeps = {
  credentials: CredentialStore;
  env: Record<string, string | undefined>;
  /** Federation endpoint override (the emulator, a private endpoint); else env LANYARD_FEDERATION_URL. */
  federationUrl?: string;
  timeoutMs?: number;
};

/** The override as a full endpoint: a bare origin gets `/federation`. */
export function federationOverride(deps: Pick<ConsoleDeps, 'env' | 'federationUrl'>): string | undefined {
  const raw = deps.federationUrl ?? deps.env.LANYARD_FEDERATION_URL;
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new LanyardError('CONFIG', `LANYARD_FEDERATION_URL is not a URL: ${raw}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new LanyardError('CONFIG', `LANYARD_FEDERATION_URL must be an http(s) URL: ${raw}`);
  return u.pathname === '/' ? `${u.origin}/federation` : `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

async function signinToken(
  federation: string,
  req: ConsoleRequest,
  deps: ConsoleDeps,
  duration?: number,
): Promise<string> {
  const creds = await deps.credentials.get(req.session, req.accountId, req.roleName, { signal: req.signal });
  // The request URL holds the role credentials; only its host is ever logged.
  const res = await httpGet(signinTokenUrl(federation, creds, duration), {
    env: deps.env,
    timeoutMs: deps.timeoutMs,
    signal: req.signal,
  });
  let token: unknown;
  try {
    token = (JSON.parse(res.body) as { SigninToken?: unknown }).SigninToken;
  } catch {
    token = undefined;
  }
  if (res.status !== 200 || typeof token !== 'string' || !token) {
    let reason = `HTTP ${res.status}`;
    try {
      const m = (JSON.parse(res.body) as { message?: unknown }).message;
      if (typeof m === 'string') reason = `${reason}: ${m}`;
    } catch {
      // not JSON: the status says enough
    }
    log.warn('getSigninToken failed', { host: new URL(federation).host, status: res.status });
    throw new LanyardError('SERVICE', `The AWS sign-in service refused a console sign-in (${reason}).`);
  }
  registerSecret(token);
  return token;
}

/**
 * The URL that opens the console as the role: federation (getSigninToken with the role's
 * credentials, then the login URL) or the access-portal link. Every URL returned has passed the
 * allow-list: AWS sign-in/console/portal hosts over https, or the configured override's origin.
 */
export async function consoleUrl(req: ConsoleRequest, deps: ConsoleDeps): Promise<string> {
  const duration = validateSessionDuration(req.durationSeconds);
  const destination = consoleDestination(req.region, req.service);
  const override = federationOverride(deps);
  const allowed = override ? [new URL(override).origin] : [];
  if (req.portalLink) {
    const withDestination = req.region || req.service ? destination : undefined;
    return assertUrl(
      portalConsoleLink(req.session.startUrl, req.accountId, req.roleName, withDestination),
      'browser',
      allowed,
    );
  }
  const federation = override ?? federationEndpoint(req.region);
  const token = await signinToken(federation, req, deps, duration);
  const login = loginUrl(federation, req.session.startUrl, destination, token);
  const url = req.logoutFirst ? logoutFirstUrl(federation, login) : login;
  return assertUrl(url, 'browser', allowed);
}
