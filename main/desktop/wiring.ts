/**
 * The real services behind the desktop core, built from the other main/ modules.
 *
 * Role credentials and console URLs are fetched here with the shared portal (rate limiter, 401
 * refresh) until main/credentials and main/console land; then these two functions become calls
 * into those modules and nothing else in the core changes.
 */
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { consoleDestination } from '../../app/console/destination';
import { federationEndpoint } from '../../app/console/hosts';
import { loginUrl, logoutFirstUrl, portalConsoleLink, signinTokenUrl } from '../../app/console/federation';
import type { RoleCredentials } from '../../app/domain/credentials';
import { LanyardError } from '../../app/errors';
import { createRoleDirectory } from '../accounts/directory';
import { BearerHolder, createPortal, portalCall } from '../accounts/portal';
import { createSignIn } from '../auth/sign-in';
import { resolveEndpoints, type EndpointOverrides } from '../aws/endpoints';
import { applyProfilesPlan, planProfiles } from '../config/profiles';
import { addSsoSession, loadSessions } from '../config/sessions';
import { registerSecret } from '../log/redact';
import type { Paths } from '../paths';
import type { ExternalOpener } from '../platform/types';
import type { DesktopServices, RoleRef } from './services';

export type WiringOptions = {
  paths: Paths;
  env?: Record<string, string | undefined>;
  endpoints?: EndpointOverrides;
  opener: ExternalOpener;
};

const originOf = (url: string) => new URL(url).origin;

export function createDefaultServices(opts: WiringOptions): DesktopServices {
  const env = opts.env ?? process.env;
  const auth = createSignIn({
    paths: opts.paths,
    env,
    endpoints: opts.endpoints,
    openUrl: (u) => opts.opener.open(u),
  });
  const portal = createPortal({ tokenSource: auth, env, endpoints: opts.endpoints });
  const roles = createRoleDirectory({ paths: opts.paths, portal });
  // With overridden endpoints (emulator, private endpoint) federation lives on the portal's origin.
  const overrides = (region: string) => resolveEndpoints(region, env, opts.endpoints);
  const allowedOrigins = (() => {
    const e = overrides('us-east-1');
    return [
      e.overridden.oidc ? originOf(e.oidc) : undefined,
      e.overridden.portal ? originOf(e.portal) : undefined,
    ].filter((o): o is string => o !== undefined);
  })();

  const creds = new Map<string, Promise<RoleCredentials>>();
  async function fetchCredentials(ref: RoleRef): Promise<RoleCredentials> {
    const client = await portal.client(ref.session);
    const out = await portalCall(
      portal,
      new BearerHolder(portal.tokenSource, ref.session.name),
      (token, signal) =>
        client.send(
          new GetRoleCredentialsCommand({
            accessToken: token,
            accountId: ref.accountId,
            roleName: ref.roleName,
          }),
          { abortSignal: signal },
        ),
      { what: 'GetRoleCredentials', priority: true },
    );
    const c = out.roleCredentials;
    if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || !c.expiration)
      throw new LanyardError('SERVICE', 'Identity Center answered without complete role credentials.');
    registerSecret(c.secretAccessKey);
    registerSecret(c.sessionToken);
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: c.expiration,
    };
  }
  /** Credentials are reused until 5 minutes before they expire; never written to disk. */
  function credentials(ref: RoleRef): Promise<RoleCredentials> {
    const key = `${ref.session.name}/${ref.accountId}/${ref.roleName}`;
    const hit = creds.get(key);
    const fresh = hit
      ?.then((c) => (c.expiration - Date.now() > 5 * 60_000 ? c : undefined))
      .catch(() => undefined);
    return (async () => {
      const c = fresh && (await fresh);
      if (c) return c;
      const p = fetchCredentials(ref);
      creds.set(key, p);
      p.catch(() => creds.delete(key));
      return p;
    })();
  }

  return {
    auth,
    loadSessions: () => loadSessions(opts.paths),
    addSession: (input) => addSsoSession(opts.paths, input),
    roles,
    credentials,
    async consoleUrl(req) {
      const destination = consoleDestination(req.region, req.service);
      if (req.mode === 'portal')
        return portalConsoleLink(req.session.startUrl, req.accountId, req.roleName, destination);
      const c = await credentials(req);
      const e = overrides(req.session.region);
      const federation = e.overridden.portal
        ? `${originOf(e.portal)}/federation`
        : federationEndpoint(req.region);
      let res: Response;
      try {
        res = await fetch(signinTokenUrl(federation, c), { signal: AbortSignal.timeout(10_000) });
      } catch {
        throw new LanyardError('NETWORK', 'Could not reach the AWS sign-in service to open the console.');
      }
      const body = (await res.json().catch(() => ({}))) as { SigninToken?: unknown };
      if (!res.ok || typeof body.SigninToken !== 'string')
        throw new LanyardError(
          'SERVICE',
          `The AWS sign-in service refused to open the console (HTTP ${res.status}).`,
        );
      registerSecret(body.SigninToken);
      const login = loginUrl(federation, req.session.startUrl, destination, body.SigninToken);
      return req.logoutFirst ? logoutFirstUrl(federation, login) : login;
    },
    allowedOrigins,
    planProfiles: (input) => planProfiles(opts.paths, input),
    applyProfilesPlan: (plan) => applyProfilesPlan(opts.paths, plan),
  };
}
