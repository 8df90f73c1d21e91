import { LanyardError } from '../../app/errors';

/** What the SDK throws, as far as sign-in needs to know. */
type SdkErrorLike = {
  name?: string;
  code?: string;
  message?: string;
  error_description?: string;
  $metadata?: { httpStatusCode?: number };
};

function asSdk(e: unknown): SdkErrorLike {
  return typeof e === 'object' && e !== null ? e : { message: String(e) };
}

export function errorName(e: unknown): string | undefined {
  return asSdk(e).name;
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

function describe(e: SdkErrorLike): string {
  const text = e.error_description || (e.message && e.message !== 'UnknownError' ? e.message : '') || e.name;
  return text ?? 'unknown error';
}

/**
 * Turns anything an sso-oidc or portal call threw into a LanyardError a person can act on.
 * `endpoint` is named in network errors so proxy and VPN problems are obvious.
 */
export function toLanyardError(e: unknown, endpoint: string, during: string): LanyardError {
  if (e instanceof LanyardError) return e;
  const err = asSdk(e);
  const name = err.name ?? '';
  if (name === 'AbortError') return new LanyardError('CANCELLED', `${during} was cancelled.`);
  const status = err.$metadata?.httpStatusCode;
  if (status === undefined || name === 'TimeoutError' || (err.code && networkCodes.has(err.code))) {
    const why =
      err.code && !err.message?.includes(err.code) ? `${err.code} ${err.message ?? ''}` : err.message;
    return new LanyardError('NETWORK', `cannot reach ${endpoint}: ${why ?? name}`.trim(), {
      hint: 'Check your network, VPN or proxy (HTTPS_PROXY), then try again.',
    });
  }
  const text = describe(err);
  switch (name) {
    case 'AccessDeniedException':
      return new LanyardError('SIGN_IN_DENIED', `${during} was denied: ${text}`);
    case 'ExpiredTokenException':
      return new LanyardError('SIGN_IN_TIMED_OUT', `${during} took too long and expired. Start it again.`);
    case 'SlowDownException':
    case 'TooManyRequestsException':
      return new LanyardError(
        'THROTTLED',
        `Identity Center is throttling requests (${during}); try again shortly.`,
      );
    case 'InvalidGrantException':
      return new LanyardError('SESSION_EXPIRED', `Identity Center no longer accepts this sign-in: ${text}`);
    case 'UnauthorizedException':
      return new LanyardError('SESSION_EXPIRED', `The portal rejected the session token: ${text}`);
    case 'InvalidRequestRegionException':
      return new LanyardError('CONFIG', `Identity Center is not in this region (${during}): ${text}`, {
        hint: 'Check sso_region for this session in ~/.aws/config.',
      });
    default:
      return new LanyardError(
        'SERVICE',
        `Identity Center answered ${name || `HTTP ${status}`} during ${during}: ${text}`,
      );
  }
}
