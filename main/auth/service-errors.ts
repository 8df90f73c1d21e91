import { LanyardError } from '../../app/errors';
import { asSdkError, sdkErrorCode, type SdkErrorLike } from '../../app/sdk-errors';

export function errorName(e: unknown): string | undefined {
  return asSdkError(e).name;
}

function describe(e: SdkErrorLike): string {
  const text = e.error_description || (e.message && e.message !== 'UnknownError' ? e.message : '') || e.name;
  return text ?? 'unknown error';
}

/**
 * Turns anything an sso-oidc or portal call threw into a LanyardError a person can act on; the
 * code comes from app/sdk-errors. `endpoint` is named in network errors so proxy and VPN problems
 * are obvious.
 */
export function toLanyardError(e: unknown, endpoint: string, during: string): LanyardError {
  if (e instanceof LanyardError) return e;
  const err = asSdkError(e);
  const name = err.name ?? '';
  const text = describe(err);
  const code = sdkErrorCode(e);
  switch (code) {
    case 'CANCELLED':
      return new LanyardError('CANCELLED', `${during} was cancelled.`);
    case 'NETWORK': {
      const why =
        err.code && !err.message?.includes(err.code) ? `${err.code} ${err.message ?? ''}` : err.message;
      return new LanyardError('NETWORK', `cannot reach ${endpoint}: ${why ?? name}`.trim(), {
        hint: 'Check your network, VPN or proxy (HTTPS_PROXY), then try again.',
      });
    }
    case 'SIGN_IN_DENIED':
      return new LanyardError(code, `${during} was denied: ${text}`);
    case 'SIGN_IN_TIMED_OUT':
      return new LanyardError(code, `${during} took too long and expired. Start it again.`);
    case 'THROTTLED':
      return new LanyardError(code, `Identity Center is throttling requests (${during}); try again shortly.`);
    case 'SESSION_EXPIRED':
      return new LanyardError(
        code,
        name === 'UnauthorizedException'
          ? `The portal rejected the session token: ${text}`
          : `Identity Center no longer accepts this sign-in: ${text}`,
      );
    case 'CONFIG':
      return new LanyardError(code, `Identity Center is not in this region (${during}): ${text}`, {
        hint: 'Check sso_region for this session in ~/.aws/config.',
      });
    default:
      return new LanyardError(
        'SERVICE',
        `Identity Center answered ${name || `HTTP ${err.$metadata?.httpStatusCode}`} during ${during}: ${text}`,
      );
  }
}
