import { sha256 } from '../digest';
import { registerSecret } from '../log/redact';

const verifierAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** 64 random unreserved characters, as the AWS CLI makes them (RFC 7636 allows 43–128). */
export function makeCodeVerifier(): string {
  // Bytes at or above the largest multiple of the alphabet's size are dropped, so each character is
  // equally likely (a plain `byte % 66` would favour the first 58).
  const fair = 256 - (256 % verifierAlphabet.length);
  let out = '';
  while (out.length < 64) {
    for (const b of crypto.getRandomValues(new Uint8Array(64))) {
      if (b < fair && out.length < 64) out += verifierAlphabet[b % verifierAlphabet.length];
    }
  }
  registerSecret(out);
  return out;
}

/** S256: base64url(SHA-256(verifier)) without padding, 43 characters. */
export function codeChallenge(verifier: string): string {
  return Buffer.from(sha256(verifier)).toString('base64url');
}

export function makeState(): string {
  return crypto.randomUUID();
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
