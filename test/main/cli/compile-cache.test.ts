// The CLI's code cache (main/cli/compile-cache.ts) with small bundles in a temp folder: what it
// reuses, what it refuses, and that a bundle run from the cache still imports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

let root: string;
let cacheDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lanyard-compile-cache-'));
  cacheDir = join(root, 'data', 'compile-cache');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A bundle as scripts/build.mjs writes one: build id first, CommonJS exports, import() rewritten. */
const bundle = (id: string, body: string) =>
  `// lanyard-build ${id}\n"use strict";\n${body}\nmodule.exports.platform = async () => (await lanyardImport('node:os')).platform();\n`;
const idA = 'aaaaaaaaaaaaaaaa';
const idB = 'bbbbbbbbbbbbbbbb';

const runner = join(import.meta.dirname, 'support', 'compile-cache-run.ts');

/** Writes the bundle and runs it once through the cache, in a new process. */
function load(id: string, body: string): { state: string; answer: number; platform: string } {
  const file = join(root, 'cli.cjs');
  writeFileSync(file, bundle(id, body));
  return run(file);
}
function run(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', runner, file, cacheDir], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { state: string; answer: number; platform: string };
}

describe('compile cache', () => {
  test('a first run writes the cache (0600, folder 0700); the next uses it and writes nothing', () => {
    expect(load(idA, 'module.exports.answer = () => 42;')).toMatchObject({ state: 'miss', answer: 42 });
    const [name] = readdirSync(cacheDir);
    expect(name).toBe(`${idA}-${process.version}-${process.arch}.v8`);
    const file = join(cacheDir, name!);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    }
    const written = statSync(file).mtimeMs;

    // A bundle compiled from the cache still imports (V8 drops a cached script's own import callback).
    expect(load(idA, 'module.exports.answer = () => 42;')).toEqual({
      state: 'hit',
      answer: 42,
      platform: process.platform,
    });
    expect(statSync(file).mtimeMs).toBe(written);
  });

  test('a damaged cache is refused, the bundle still runs, and the cache is written anew', () => {
    load(idA, 'module.exports.answer = () => 42;');
    const [name] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, name!), 'not a code cache');
    expect(load(idA, 'module.exports.answer = () => 42;')).toMatchObject({ state: 'rejected', answer: 42 });
    expect(readFileSync(join(cacheDir, name!), 'utf8')).not.toBe('not a code cache');
    expect(load(idA, 'module.exports.answer = () => 42;').state).toBe('hit');
  });

  test('another build of the same length never runs from this build cache, and replaces it', () => {
    load(idA, 'module.exports.answer = () => 42;');
    // Same length, other code: V8 itself checks only the length, so the build id must tell them apart.
    expect(load(idB, 'module.exports.answer = () => 43;')).toMatchObject({ state: 'miss', answer: 43 });
    expect(readdirSync(cacheDir)).toEqual([`${idB}-${process.version}-${process.arch}.v8`]);
  });

  test('a bundle without a build id is required as it is, with no cache', () => {
    const file = join(root, 'plain.cjs');
    writeFileSync(file, bundle(idA, 'module.exports.answer = () => 7;').replace(/^.*\n/, ''));
    expect(run(file)).toMatchObject({ state: 'off', answer: 7 });
    expect(() => readdirSync(cacheDir)).toThrow();
  });

  test('a folder it cannot write costs only the cache', () => {
    writeFileSync(join(root, 'data'), 'a file where the folder would be');
    expect(load(idA, 'module.exports.answer = () => 42;')).toMatchObject({ state: 'miss', answer: 42 });
    expect(load(idA, 'module.exports.answer = () => 42;')).toMatchObject({ state: 'miss', answer: 42 });
  });
});
