import { dnsSuffixFor } from '../../app/policy/partitions';

type Env = Record<string, string | undefined>;

/** Explicit endpoints, for tests and the demo; otherwise the standard env vars, otherwise AWS. */
export type EndpointOverrides = { oidc?: string; portal?: string };

export type ResolvedEndpoints = {
  /** The sso-oidc base URL; the PKCE authorize URL is built on it, as the AWS CLI does. */
  oidc: string;
  /** The portal base URL. */
  portal: string;
  /** True when the endpoints were overridden (emulator, proxy, private endpoint). */
  overridden: { oidc: boolean; portal: boolean };
};

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function ignoreConfigured(env: Env): boolean {
  return (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true';
}

/**
 * Same precedence as botocore and the JS SDK: the service's own variable, then AWS_ENDPOINT_URL,
 * then the regional AWS host. Explicit overrides (tests, demo) beat all of them.
 */
export function resolveEndpoints(
  region: string,
  env: Env = process.env,
  explicit: EndpointOverrides = {},
): ResolvedEndpoints {
  const useEnv = !ignoreConfigured(env);
  const oidcOverride =
    explicit.oidc ?? (useEnv ? env.AWS_ENDPOINT_URL_SSO_OIDC || env.AWS_ENDPOINT_URL : undefined);
  const portalOverride =
    explicit.portal ?? (useEnv ? env.AWS_ENDPOINT_URL_SSO || env.AWS_ENDPOINT_URL : undefined);
  const suffix = dnsSuffixFor(region);
  return {
    oidc: trimSlash(oidcOverride || `https://oidc.${region}.${suffix}`),
    portal: trimSlash(portalOverride || `https://portal.sso.${region}.${suffix}`),
    overridden: { oidc: Boolean(oidcOverride), portal: Boolean(portalOverride) },
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    // A malformed override is reported where it is used; it allows nothing here.
    return undefined;
  }
}

/**
 * The origins besides AWS's own that the URL policy (app/policy/urls) accepts: exactly the
 * endpoints the person configured: the sso-oidc and portal overrides and LANYARD_FEDERATION_URL
 * (the emulator in `npm run demo`, a private endpoint). Computed here only; the CLI, the desktop
 * core and the shell's opener all use this list.
 */
export function allowedOrigins(env: Env, explicit: EndpointOverrides = {}): string[] {
  // The region only picks AWS's own hosts, which are never listed here.
  const resolved = resolveEndpoints('us-east-1', env, explicit);
  const origins = [
    resolved.overridden.oidc ? originOf(resolved.oidc) : undefined,
    resolved.overridden.portal ? originOf(resolved.portal) : undefined,
    originOf(env.LANYARD_FEDERATION_URL),
  ];
  return [...new Set(origins.filter((o): o is string => o !== undefined))];
}
