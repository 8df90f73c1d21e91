// The CLI's stdout writer (main/cli/std-output.ts) on a real file descriptor: large texts go out in
// pieces, and no piece may end between the halves of a surrogate pair.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { stdOutput } from '../../../main/cli/std-output';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lanyard-std-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function written(...texts: string[]): Buffer {
  const file = join(dir, 'out');
  const fd = openSync(file, 'w');
  const out = stdOutput(fd, () => {
    throw new Error('the stream is not needed on this platform');
  });
  for (const t of texts) out.write(t);
  closeSync(fd);
  return readFileSync(file);
}

test.skipIf(process.platform === 'win32')('writes every byte of large and small texts, in order', () => {
  const row = 'réservé — 役割 🔑 '.repeat(1_000); // accents, CJK (3 bytes) and a pair (4 bytes)
  const texts = ['{\n', row.repeat(20), '\n', '', row];
  expect(written(...texts).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
});

test.skipIf(process.platform === 'win32')(
  'a surrogate pair across a piece boundary stays one character',
  () => {
    // The key's two UTF-16 halves at units 16,383 and 16,384: a cut there would write two U+FFFD.
    const text = `${'x'.repeat(16_383)}🔑${'y'.repeat(40_000)}`;
    const out = written(text).toString('utf8');
    expect(out).toBe(text);
    expect(out).not.toContain('\uFFFD');
  },
);
