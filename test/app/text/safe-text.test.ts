import { describe, expect, test } from 'vitest';
import { hasUnsafeText, safeText } from '../../../app/text/safe-text';

describe('safeText', () => {
  test('turns every terminal and bidi control into U+FFFD and leaves the rest', () => {
    expect(safeText('\u001b]0;pwned\u0007Prod')).toBe('\ufffd]0;pwned\ufffdProd');
    expect(safeText('a\u001b[2Jb')).toBe('a\ufffd[2Jb');
    expect(safeText('line1\nline2\r\t')).toBe('line1\ufffdline2\ufffd\ufffd');
    expect(safeText('\u009b31m\u007f')).toBe('\ufffd31m\ufffd');
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(safeText(`x${c}y`)).toBe('x\ufffdy');
    const fine = 'Prod – Zürich 東京 (admin) ✓ 🚀';
    expect(safeText(fine)).toBe(fine);
    expect(hasUnsafeText(fine)).toBe(false);
    expect(hasUnsafeText('a\u202eb')).toBe(true);
    expect(hasUnsafeText('a\u202eb')).toBe(true);
  });
});
