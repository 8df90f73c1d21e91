import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SSOClient } from '@aws-sdk/client-sso';
import { resolveEndpoints, type EndpointOverrides } from './endpoints';
import { createRequestHandler, type HttpOptions } from './http';

type Env = Record<string, string | undefined>;

export type ClientOptions = {
  region: string;
  endpoints?: EndpointOverrides;
  env?: Env;
  http?: HttpOptions;
  /** SDK attempts per call; the portal lister sets 1 and retries under its own rate limiter. */
  maxAttempts?: number;
};

/** Anonymous credentials: these APIs are unsigned (bearer or none), and looking up real ones would be slow and wrong. */
const noCredentials = () => Promise.resolve({ accessKeyId: 'unused', secretAccessKey: 'unused' });

// The SDK packages are imported lazily so CLI commands served from cache start fast.
export async function createOidcClient(opts: ClientOptions): Promise<SSOOIDCClient> {
  const { SSOOIDCClient } = await import('@aws-sdk/client-sso-oidc');
  const env = opts.env ?? process.env;
  const ep = resolveEndpoints(opts.region, env, opts.endpoints);
  return new SSOOIDCClient({
    region: opts.region,
    ...(ep.overridden.oidc ? { endpoint: ep.oidc } : {}),
    requestHandler: await createRequestHandler(env, opts.http),
    credentials: noCredentials,
    maxAttempts: opts.maxAttempts ?? 3,
  });
}

export async function createPortalClient(opts: ClientOptions): Promise<SSOClient> {
  const { SSOClient } = await import('@aws-sdk/client-sso');
  const env = opts.env ?? process.env;
  const ep = resolveEndpoints(opts.region, env, opts.endpoints);
  return new SSOClient({
    region: opts.region,
    ...(ep.overridden.portal ? { endpoint: ep.portal } : {}),
    requestHandler: await createRequestHandler(env, opts.http),
    credentials: noCredentials,
    maxAttempts: opts.maxAttempts ?? 3,
  });
}
