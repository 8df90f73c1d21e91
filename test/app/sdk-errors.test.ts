import { describe, expect, it } from 'vitest';
import { classifySdkError, sdkErrorCode } from '../../app/sdk-errors';

const answered = (status: number, name: string) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
const sys = (code: string) => Object.assign(new Error(`connect ${code}`), { code, $metadata: {} });

describe('one classification of SDK and network errors', () => {
  it.each([
    ['ECONNREFUSED', 'unreachable'],
    ['ENOTFOUND', 'unreachable'],
    ['EAI_AGAIN', 'unreachable'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['ECONNRESET', 'network'],
    ['ETIMEDOUT', 'network'],
    ['EPIPE', 'network'],
    ['UND_ERR_SOCKET', 'network'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted'],
  ])('%s is %s and NETWORK', (code, kind) => {
    expect(classifySdkError(sys(code))).toBe(kind);
    expect(sdkErrorCode(sys(code))).toBe('NETWORK');
  });

  it.each([
    [answered(400, 'AccessDeniedException'), 'rejected', 'SIGN_IN_DENIED'],
    [answered(400, 'ExpiredTokenException'), 'rejected', 'SIGN_IN_TIMED_OUT'],
    [answered(400, 'InvalidGrantException'), 'rejected', 'SESSION_EXPIRED'],
    [answered(400, 'InvalidRequestRegionException'), 'rejected', 'CONFIG'],
    [answered(400, 'SlowDownException'), 'throttled', 'THROTTLED'],
    [answered(429, 'TooManyRequestsException'), 'throttled', 'THROTTLED'],
    [answered(401, 'UnauthorizedException'), 'unauthorized', 'SESSION_EXPIRED'],
    [answered(401, 'InvalidClientException'), 'unauthorized', 'SERVICE'],
    [answered(403, 'ForbiddenException'), 'forbidden', 'SERVICE'],
    [answered(503, 'ServiceUnavailable'), 'server', 'SERVICE'],
    [answered(200, 'SyntaxError'), 'malformed', 'SERVICE'],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), 'cancelled', 'CANCELLED'],
    [Object.assign(new Error('socket hang up'), {}), 'network', 'NETWORK'],
    [new Error('something odd'), 'unknown', 'NETWORK'],
    ['a string', 'unknown', 'NETWORK'],
  ] as const)('%o is %s, code %s', (e, kind, code) => {
    expect(classifySdkError(e)).toBe(kind);
    expect(sdkErrorCode(e)).toBe(code);
  });
});
