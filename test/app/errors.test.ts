import { describe, expect, it } from 'vitest';
import { isLanyardError, LanyardError } from '../../app/errors';

describe('isLanyardError', () => {
  it("knows an error from another bundle's copy of the class by its name and code", () => {
    // What the CLI's settings store (an ES module bundled on its own) throws, seen from the CLI.
    class LanyardError extends Error {
      override readonly name = 'LanyardError';
      constructor(
        readonly code: string,
        message: string,
      ) {
        super(message);
      }
    }
    const foreign = new LanyardError('BAD_INPUT', 'Those settings are not valid; nothing was saved.');
    expect(isLanyardError(foreign)).toBe(true);
  });

  it('is not fooled by a look-alike without a known code, or by a plain object', () => {
    expect(isLanyardError(new LanyardError('FILE', 'x'))).toBe(true);
    expect(isLanyardError(Object.assign(new Error('x'), { name: 'LanyardError', code: 'NOPE' }))).toBe(false);
    expect(isLanyardError({ name: 'LanyardError', code: 'BAD_INPUT', message: 'x' })).toBe(false);
    expect(isLanyardError(new Error('x'))).toBe(false);
  });
});
