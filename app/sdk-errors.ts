/**
 * The one classification of what the AWS SDK (or the network under it) throws. Pure: it reads
 * only `name`, `code`, `$fault`, `$metadata.httpStatusCode` and `$response` of an unknown value.
 * Sign-in maps the kind to an error code for the person; the portal's retry loop decides from it
 * what to retry.
 */
import type { ErrorCode } from './errors';

export type SdkErrorLike = {
  name?: string;
  code?: string;
  message?: string;
  error_description?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
};

export function asSdkError(e: unknown): SdkErrorLike {
  return typeof e === 'object' && e !== null ? e : { message: String(e) };
}

export type SdkFailure =
  /** Aborted by a signal. */
  | 'cancelled'
  /** No route at all (offline, DNS, VPN down): retried briefly, then NETWORK. */
  | 'unreachable'
  /** A connection that broke or timed out: a hiccup, retried. */
  | 'network'
  /** The TLS peer is not trusted (proxy with its own CA, clock skew): never retried. */
  | 'untrusted'
  | 'throttled'
  | 'unauthorized'
  | 'forbidden'
  /** 5xx or a server fault. */
  | 'server'
  /** An answer that did not parse. */
  | 'malformed'
  /** Any other answered error (4xx with a service exception name). */
  | 'rejected'
  /** Thrown without an HTTP answer and without a recognisable network code. */
  | 'unknown';

const unreachableCodes = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);
const brokenCodes = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const untrustedCodes = new Set([
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
const throttlingNames = new Set(['TooManyRequestsException', 'ThrottlingException', 'SlowDownException']);

export function classifySdkError(e: unknown): SdkFailure {
  const err = asSdkError(e);
  const status = err.$metadata?.httpStatusCode;
  const name = err.name ?? '';
  const code = err.code ?? '';
  if (status === 429 || throttlingNames.has(name)) return 'throttled';
  if (status === 401 || name === 'UnauthorizedException') return 'unauthorized';
  if (status === 403 || name === 'ForbiddenException') return 'forbidden';
  if ((status !== undefined && status >= 500) || err.$fault === 'server') return 'server';
  if (unreachableCodes.has(code)) return 'unreachable';
  if (untrustedCodes.has(code)) return 'untrusted';
  if (brokenCodes.has(code) || name === 'TimeoutError' || name === 'RequestTimeout') return 'network';
  if (name === 'AbortError') return 'cancelled';
  // The SDK reports a body it cannot parse as a SyntaxError or a "Deserialization error" with the raw response.
  if (name === 'SyntaxError' || (err.$response !== undefined && status !== undefined && status < 300))
    return 'malformed';
  if (status === undefined)
    return /socket hang up|network|timed? ?out/i.test(err.message ?? '') ? 'network' : 'unknown';
  return 'rejected';
}

/** Service exceptions of sso-oidc and the portal whose meaning is Lanyard's own. */
const byName: Record<string, ErrorCode> = {
  AccessDeniedException: 'SIGN_IN_DENIED',
  ExpiredTokenException: 'SIGN_IN_TIMED_OUT',
  InvalidGrantException: 'SESSION_EXPIRED',
  InvalidRequestRegionException: 'CONFIG',
};

/**
 * Lanyard's error code for an SDK or network error. Anything that got no HTTP answer is NETWORK:
 * the service was not reached, whatever the cause.
 */
export function sdkErrorCode(e: unknown): ErrorCode {
  const err = asSdkError(e);
  const name = err.name ?? '';
  if (name === 'AbortError') return 'CANCELLED';
  if (err.$metadata?.httpStatusCode === undefined) return 'NETWORK';
  const kind = classifySdkError(e);
  if (kind === 'unreachable' || kind === 'network' || kind === 'untrusted') return 'NETWORK';
  const named = byName[name];
  if (named) return named;
  if (kind === 'throttled') return 'THROTTLED';
  // By name only: sso-oidc answers 401 for a refused client too (InvalidClientException), a SERVICE error.
  if (name === 'UnauthorizedException') return 'SESSION_EXPIRED';
  return 'SERVICE';
}
