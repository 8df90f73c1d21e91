/**
 * Errors a person or a script can act on carry a stable code; anything else is a bug.
 * Codes are part of the CLI's exit contract and the IPC contract: add, never rename.
 */
export const errorCodes = [
  'BAD_INPUT',
  'UNKNOWN_SESSION',
  'NOT_SIGNED_IN',
  'SESSION_EXPIRED',
  'SIGN_IN_DENIED',
  'SIGN_IN_TIMED_OUT',
  'CANCELLED',
  'NETWORK',
  'THROTTLED',
  'SERVICE',
  'NOT_FOUND',
  'AMBIGUOUS',
  'FORBIDDEN',
  'CONFIG',
  'FILE',
  'URL_NOT_ALLOWED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class LanyardError extends Error {
  override readonly name = 'LanyardError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the person (candidates for an ambiguous name, a hint). Never secrets. */
    readonly details?: { hint?: string; candidates?: string[] },
  ) {
    super(message);
  }
}

/**
 * By name and code as well as by class: the CLI's settings store is a bundle of its own (an ES
 * module beside the CommonJS CLI), with its own copy of this class.
 */
export function isLanyardError(e: unknown): e is LanyardError {
  if (e instanceof LanyardError) return true;
  const x = e as Partial<LanyardError> | null;
  return (
    e instanceof Error &&
    x?.name === 'LanyardError' &&
    (errorCodes as readonly string[]).includes(x.code as string)
  );
}
