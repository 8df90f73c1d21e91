import type { ErrorCode } from '../../app/errors';

/** Exit codes scripts can rely on; documented in the README. Add, never renumber. */
export const exitCodes: Record<ErrorCode, number> = {
  INTERNAL: 1,
  BAD_INPUT: 2,
  NOT_SIGNED_IN: 3,
  SESSION_EXPIRED: 3,
  SIGN_IN_DENIED: 4,
  SIGN_IN_TIMED_OUT: 4,
  CANCELLED: 4,
  NETWORK: 5,
  THROTTLED: 5,
  SERVICE: 5,
  UNKNOWN_SESSION: 6,
  NOT_FOUND: 6,
  AMBIGUOUS: 6,
  CONFIG: 7,
  FILE: 7,
  FORBIDDEN: 8,
  URL_NOT_ALLOWED: 8,
};
