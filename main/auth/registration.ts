import type { SsoSession } from '../../app/domain/session';
import type { Paths } from '../paths';
import { createLogger } from '../log/logger';
import { registerSecret } from '../log/redact';
import type { Oidc } from './oidc';
import { readRegistration, writeRegistration, type Registration } from './registration-cache';
import { toLanyardError } from './service-errors';

const log = createLogger('auth.registration');

export type Flow = 'pkce' | 'device';

/** The AWS CLI re-registers 15 minutes before a registration expires; so does Lanyard. */
export const registrationMarginMs = 15 * 60_000;
export const defaultScopes = ['sso:account:access'];
/** Registered without a port; the service accepts any loopback port (RFC 8252), as for the AWS CLI. */
export const registeredRedirectUri = 'http://127.0.0.1/oauth/callback';
const authCodeGrants = ['authorization_code', 'refresh_token'];

/** Same rule as the CLI: an auth-code registration is never used for the device flow, nor the reverse. */
export function fitsFlow(reg: Registration, flow: Flow): boolean {
  const authCode = reg.grantTypes?.includes('authorization_code') ?? false;
  return flow === 'pkce' ? authCode : !authCode;
}

/** A usable client registration for the flow: the cached one (shared with the AWS CLI) or a new one. */
export async function getRegistration(
  oidc: Oidc,
  paths: Paths,
  session: SsoSession,
  flow: Flow,
  now: number,
  opts: { force?: boolean; signal?: AbortSignal } = {},
): Promise<Registration> {
  if (!opts.force) {
    const cached = await readRegistration(paths, session);
    if (cached && cached.expiresAt - now > registrationMarginMs && fitsFlow(cached, flow)) return cached;
  }
  const { RegisterClientCommand } = await import('@aws-sdk/client-sso-oidc');
  const scopes = flow === 'pkce' && session.scopes.length === 0 ? defaultScopes : session.scopes;
  const input = {
    clientName: `lanyard-${session.name}`,
    clientType: 'public',
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(flow === 'pkce'
      ? { grantTypes: authCodeGrants, redirectUris: [registeredRedirectUri], issuerUrl: session.startUrl }
      : {}),
  };
  let out;
  try {
    out = await oidc.client.send(new RegisterClientCommand(input), { abortSignal: opts.signal });
  } catch (e) {
    throw toLanyardError(e, oidc.endpoint, 'client registration');
  }
  if (!out.clientId || !out.clientSecret || !out.clientSecretExpiresAt)
    throw toLanyardError(
      {
        name: 'InvalidResponse',
        message: 'RegisterClient returned no client',
        $metadata: { httpStatusCode: 200 },
      },
      oidc.endpoint,
      'client registration',
    );
  registerSecret(out.clientSecret);
  const reg: Registration = {
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    expiresAt: out.clientSecretExpiresAt * 1000,
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(flow === 'pkce' ? { grantTypes: authCodeGrants } : {}),
  };
  log.info(`registered a ${flow} client for ${session.name}`);
  await writeRegistration(paths, session, reg);
  return reg;
}
