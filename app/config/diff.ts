import { createTwoFilesPatch } from 'diff';

/** A unified diff of two versions of the config, for a person to read before Lanyard writes. */
export function renderProfilesDiff(before: string, after: string, fileName = 'config'): string {
  if (before === after) return '';
  // Line endings are shown as LF so a CRLF file's diff reads like any other.
  const lf = (s: string) => s.replace(/\r\n?/g, '\n');
  return createTwoFilesPatch(fileName, fileName, lf(before), lf(after), 'before', 'after', { context: 2 });
}
