/** The real services behind the desktop core, built from the other main/ modules. */
import { createRoleDirectory } from '../accounts/directory';
import { createPortal } from '../accounts/portal';
import { createSignIn } from '../auth/sign-in';
import { resolveEndpoints, type EndpointOverrides } from '../aws/endpoints';
import { applyProfilesPlan, planProfiles } from '../config/profiles';
import { addSsoSession, loadSessions } from '../config/sessions';
import { consoleUrl, federationOverride } from '../console/console-url';
import { createCredentialStore } from '../credentials/role-credentials';
import type { Paths } from '../paths';
import type { ExternalOpener } from '../platform/types';
import type { DesktopServices } from './services';
import type { SessionLength } from '../../app/schedule/session-length';

export type WiringOptions = {
  paths: Paths;
  env?: Record<string, string | undefined>;
  endpoints?: EndpointOverrides;
  opener: ExternalOpener;
  sessionLength?: (sessionName: string) => SessionLength;
  /** The platform clock, so sign-in times and session ends follow the same time as the notices. */
  now?: () => number;
};

export function createDefaultServices(opts: WiringOptions): DesktopServices {
  const env = opts.env ?? process.env;
  const auth = createSignIn({
    paths: opts.paths,
    env,
    endpoints: opts.endpoints,
    openUrl: (u) => opts.opener.open(u),
    sessionLength: opts.sessionLength,
    now: opts.now,
  });
  const portal = createPortal({ tokenSource: auth, env, endpoints: opts.endpoints });
  const roles = createRoleDirectory({ paths: opts.paths, portal });
  const credentials = createCredentialStore(portal);

  // With an overridden portal (the emulator, a private endpoint) console federation lives on its
  // origin too, unless LANYARD_FEDERATION_URL says otherwise; those origins may be opened.
  const endpoints = resolveEndpoints('us-east-1', env, opts.endpoints);
  const federationUrl =
    env.LANYARD_FEDERATION_URL || !endpoints.overridden.portal
      ? undefined
      : `${new URL(endpoints.portal).origin}/federation`;
  const federation = federationOverride({ env, federationUrl });
  const allowedOrigins = [
    ...(endpoints.overridden.oidc ? [new URL(endpoints.oidc).origin] : []),
    ...(endpoints.overridden.portal ? [new URL(endpoints.portal).origin] : []),
    ...(federation ? [new URL(federation).origin] : []),
  ];

  return {
    auth,
    loadSessions: () => loadSessions(opts.paths),
    addSession: (input) => addSsoSession(opts.paths, input),
    roles,
    credentials: (ref) => credentials.get(ref.session, ref.accountId, ref.roleName),
    forgetCredentials: (session) => credentials.clear(session),
    consoleUrl: (req) =>
      consoleUrl(
        {
          session: req.session,
          accountId: req.accountId,
          roleName: req.roleName,
          region: req.region,
          service: req.service,
          portalLink: req.mode === 'portal',
          logoutFirst: req.logoutFirst,
        },
        { credentials, env, federationUrl },
      ),
    allowedOrigins: [...new Set(allowedOrigins)],
    planProfiles: (input) => planProfiles(opts.paths, input),
    applyProfilesPlan: (plan) => applyProfilesPlan(opts.paths, plan),
  };
}
