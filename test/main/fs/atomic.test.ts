import { spawn } from 'node:child_process';
import {
  utimes,
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isLanyardError } from '../../../app/errors';
import { isFileChangedError, writeFileAtomic } from '../../../main/fs/atomic';

let dir: string;
const roots: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanyard-atomic-'));
  roots.push(dir);
});
afterAll(async () => {
  for (const r of roots) {
    await chmod(r, 0o700).catch(() => undefined);
    await rm(r, { recursive: true, force: true });
  }
});

const mode = async (p: string) => (await stat(p)).mode & 0o777;

async function expectFileError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isLanyardError(e) && e.code).toBe('FILE');
  expect((e as Error).message).toMatch(pattern);
}

describe('writeFileAtomic', () => {
  it('creates missing folders 0700 and new files 0600', async () => {
    const target = join(dir, 'home', '.aws', 'config');
    await writeFileAtomic(target, 'x');
    expect(await readFile(target, 'utf8')).toBe('x');
    expect(await mode(target)).toBe(0o600);
    expect(await mode(join(dir, 'home', '.aws'))).toBe(0o700);
  });

  it('keeps the mode of an existing file and leaves no temp file behind', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'old');
    await chmod(target, 0o640);
    await writeFileAtomic(target, 'new');
    expect(await mode(target)).toBe(0o640);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('forces the `mode` option on an existing file (secrets never keep a 0644)', async () => {
    const target = join(dir, 'token.json');
    await writeFile(target, 'old');
    await chmod(target, 0o644);
    await writeFileAtomic(target, 'new', { mode: 0o600 });
    expect(await mode(target)).toBe(0o600);
  });

  it('a file that keeps changing gives a hint in words, not a code', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'theirs');
    const err = await writeFileAtomic(target, 'ours', { expected: 'planned' }).catch((e: unknown) => e);
    expect(isFileChangedError(err)).toBe(true);
    const hint = (err as { details?: { hint?: string } }).details?.hint ?? '';
    expect(hint).not.toMatch(/FILE_CHANGED|^[A-Z_]+$/);
    expect(hint).toMatch(/Another program kept changing the file/);
  });

  it('removes temp files left by a killed writer once they are stale, and only those', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'old');
    const stale = join(dir, '.config.lanyard-0123456789ab.tmp');
    const fresh = join(dir, '.config.lanyard-ba9876543210.tmp');
    const other = join(dir, '.credentials.lanyard-0123456789ab.tmp');
    for (const f of [stale, fresh, other]) await writeFile(f, 'partial');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(stale, hourAgo, hourAgo);
    await utimes(other, hourAgo, hourAgo);
    await writeFileAtomic(target, 'new');
    expect((await readdir(dir)).sort()).toEqual(
      ['.config.lanyard-ba9876543210.tmp', '.credentials.lanyard-0123456789ab.tmp', 'config'].sort(),
    );
  });

  it('backs up the previous content with the same mode', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'old');
    await chmod(target, 0o644);
    const r = await writeFileAtomic(target, 'new', { backup: true });
    expect(r.backupPath).toBe(`${target}.lanyard.bak`);
    expect(await readFile(`${target}.lanyard.bak`, 'utf8')).toBe('old');
    expect(await mode(`${target}.lanyard.bak`)).toBe(0o644);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('writes through a symlink, which stays a symlink', async () => {
    const real = join(dir, 'dotfiles', 'aws-config');
    await mkdir(join(dir, 'dotfiles'));
    await writeFile(real, 'old');
    const link = join(dir, 'config');
    await symlink('dotfiles/aws-config', link);
    await writeFileAtomic(link, 'new', { backup: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('dotfiles/aws-config');
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('refuses a read-only file and changes nothing', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'old');
    await chmod(target, 0o444);
    await expectFileError(writeFileAtomic(target, 'new', { backup: true }), /read-only/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('refuses a read-only folder and changes nothing', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'old');
    await chmod(dir, 0o555);
    await expectFileError(writeFileAtomic(target, 'new'), /read-only/);
    await chmod(dir, 0o700);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('refuses to replace a file that changed since it was read', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'planned-against');
    const e: unknown = await writeFileAtomic(target, 'mine', {
      expected: 'planned-against',
      beforeRename: () => writeFile(target, 'someone else'),
    }).catch((err: unknown) => err);
    expect(isFileChangedError(e)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('someone else');
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('treats a missing file as expected empty content', async () => {
    const target = join(dir, 'config');
    await writeFileAtomic(target, 'a', { expected: '' });
    const e: unknown = await writeFileAtomic(target, 'b', { expected: '' }).catch((err: unknown) => err);
    expect(isFileChangedError(e)).toBe(true);
  });

  it('a failure before the rename leaves the old file whole', async () => {
    const target = join(dir, 'config');
    await writeFile(target, 'old');
    const e: unknown = await writeFileAtomic(target, 'new', {
      beforeRename: () => {
        throw new Error('power cut');
      },
    }).catch((err: unknown) => err);
    expect(isLanyardError(e)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('a writer killed at any moment leaves either the old or the new content', async () => {
    const target = join(dir, 'config');
    const a = 'A'.repeat(10);
    const b = 'B'.repeat(10);
    const whole = new Set(['initial', a.repeat(200_000), b.repeat(200_000)]);
    await writeFile(target, 'initial');
    for (let round = 0; round < 8; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'support', 'write-loop.ts'), target, a, b],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + round * 15));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      expect(whole.has(await readFile(target, 'utf8'))).toBe(true);
    }
  });
});
