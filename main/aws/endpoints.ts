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

export function dnsSuffixFor(region: string): string {
  if (region.startsWith('cn-')) return 'amazonaws.com.cn';
  if (region.startsWith('eusc-')) return 'amazonaws.eu';
  return 'amazonaws.com';
}

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
