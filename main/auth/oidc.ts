import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { createOidcClient, createPortalClient } from '../aws/clients';
import { resolveEndpoints, type EndpointOverrides } from '../aws/endpoints';
import type { HttpOptions } from '../aws/http';
import { registerSecret } from '../log/redact';
import { toLanyardError } from './service-errors';

type Env = Record<string, string | undefined>;

export type OidcDeps = { env: Env; endpoints?: EndpointOverrides; http?: HttpOptions };

export type TokenResponse = { accessToken: string; expiresIn: number; refreshToken?: string };

export type CreateTokenInput = {
  clientId: string;
  clientSecret: string;
  grantType: 'authorization_code' | 'refresh_token' | 'urn:ietf:params:oauth:grant-type:device_code';
  deviceCode?: string;
  code?: string;
  codeVerifier?: string;
  redirectUri?: string;
  refreshToken?: string;
};

/** The three sso-oidc calls sign-in makes, in one region, with raw SDK errors left for the caller to map. */
export type Oidc = {
  /** The resolved sso-oidc base URL (the authorize URL is built on it; errors name it). */
  endpoint: string;
  client: SSOOIDCClient;
  createToken(input: CreateTokenInput, signal?: AbortSignal): Promise<TokenResponse>;
};

export async function openOidc(region: string, deps: OidcDeps): Promise<Oidc> {
  const endpoint = resolveEndpoints(region, deps.env, deps.endpoints).oidc;
  const client = await createOidcClient({
    region,
    env: deps.env,
    endpoints: deps.endpoints,
    http: deps.http,
  });
  const { CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
  return {
    endpoint,
    client,
    async createToken(input, signal) {
      const out = await client.send(new CreateTokenCommand(input), { abortSignal: signal });
      if (!out.accessToken || typeof out.expiresIn !== 'number')
        throw toLanyardError(
          {
            name: 'InvalidResponse',
            message: 'CreateToken returned no token',
            $metadata: { httpStatusCode: 200 },
          },
          endpoint,
          'sign-in',
        );
      registerSecret(out.accessToken);
      registerSecret(out.refreshToken);
      return {
        accessToken: out.accessToken,
        expiresIn: out.expiresIn,
        refreshToken: out.refreshToken ?? undefined,
      };
    },
  };
}

/** Ends the portal session for this token; failures are the caller's to ignore, as `aws sso logout` does. */
export async function portalLogout(region: string, accessToken: string, deps: OidcDeps): Promise<void> {
  const client = await createPortalClient({
    region,
    env: deps.env,
    endpoints: deps.endpoints,
    http: { requestTimeoutMs: 5_000, connectionTimeoutMs: 3_000, ...deps.http },
    maxAttempts: 1,
  });
  const { LogoutCommand } = await import('@aws-sdk/client-sso');
  try {
    await client.send(new LogoutCommand({ accessToken }));
  } finally {
    client.destroy();
  }
}
