import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-test-tools.mjs');
const bare = mkdtempSync(join(tmpdir(), 'lanyard-bare-'));
symlinkSync(process.execPath, join(bare, 'node'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

test('on a bare machine npm test stops at once with one message naming what is missing and how to install it', () => {
  const r = spawnSync(join(bare, 'node'), [script], {
    env: { PATH: bare, LANYARD_CHROMIUM: join(bare, 'no-chromium') },
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Chromium');
  expect(r.stderr).toContain('fish');
  expect(r.stderr).toContain('python3 with botocore');
  expect(r.stderr).toMatch(/apt-get install -y chromium .*fish/);
  expect(r.stderr).toContain('bash .ci/run');
});

test('on this machine (as CI sets it up) it passes silently', () => {
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
