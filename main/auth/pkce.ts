import { createHash, randomInt, randomUUID } from 'node:crypto';
import { registerSecret } from '../log/redact';

const verifierAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** 64 random unreserved characters, as the AWS CLI makes them (RFC 7636 allows 43–128). */
export function makeCodeVerifier(): string {
  let out = '';
  for (let i = 0; i < 64; i++) out += verifierAlphabet[randomInt(verifierAlphabet.length)];
  registerSecret(out);
  return out;
}

/** S256: base64url(SHA-256(verifier)) without padding, 43 characters. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function makeState(): string {
  return randomUUID();
}

/** RFC 3986 percent-encoding with only `-._~` left alone, as Python's quote(safe='-._~') does. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The authorize URL exactly as the AWS CLI builds it (doc §1.8), on the resolved sso-oidc endpoint. */
export function authorizeUrl(
  oidcEndpoint: string,
  p: { clientId: string; redirectUri: string; state: string; scopes: string[]; challenge: string },
): string {
  const query = [
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['state', p.state],
    ['code_challenge_method', 'S256'],
    ['scopes', p.scopes.join(' ')],
  ]
    .map(([k, v]) => `${k}=${encode(v!)}`)
    .join('&');
  return `${oidcEndpoint.replace(/\/+$/, '')}/authorize?${query}&code_challenge=${p.challenge}`;
}
