/**
 * Runs the bundled CLI (a CommonJS file) through a V8 code cache on disk, so a run neither parses
 * the bundle nor compiles the functions an earlier run compiled. Node 22.1+ has this built in
 * (`module.enableCompileCache`); Node 20 has not, and there the cache is about a tenth of a
 * warm `lanyard roles --json`. Written here rather than taken from v8-compile-cache, which
 * loads node:crypto (the start-up cost this avoids) and breaks dynamic imports (its issue #30).
 *
 * V8 checks a cache only against the source's length, so the file is keyed by the build id
 * `scripts/build.mjs` writes into the bundle's first line (a hash of the bundle), plus Node's
 * version and the CPU. The cache sits in Lanyard's data folder, which only its user can write:
 * whoever can write a code cache chooses the code that runs.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first line of a bundle built for the cache: `// lanyard-build <16 hex digits>`. */
export const buildIdLine = /^\/\/ lanyard-build ([0-9a-f]{16})\n/;

export type CacheState = 'hit' | 'miss' | 'rejected' | 'off';

export type CompiledModule = {
  exports: unknown;
  /** hit: the cache was used; miss: there was none; rejected: V8 refused it; off: no build id, no cache. */
  state: CacheState;
  /** Writes the cache when the run did not use one, with every function compiled so far. Never throws. */
  save(): void;
};

/** Node's CommonJS wrapper, plus the import the bundle's `import()` calls were rewritten to. */
const wrap = (source: string) =>
  `(function (exports, require, module, __filename, __dirname, lanyardImport) { ${source}\n});`;

/**
 * Dynamic import from this file, which Node compiled: a script compiled from a code cache loses
 * its own import callback (nodejs/node#43663). Packages resolve from here as from the bundle
 * beside it in dist/.
 */
const lanyardImport = (specifier: string): Promise<unknown> => import(specifier);

export function compileCached(file: string, source: string, dir: string): CompiledModule {
  const id = buildIdLine.exec(source)?.[1];
  const cacheFile = id && join(dir, `${id}-${process.version}-${process.arch}.v8`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new Script(wrap(source), { filename: file, cachedData });
  const state: CacheState = !cacheFile
    ? 'off'
    : cachedData === undefined
      ? 'miss'
      : script.cachedDataRejected
        ? 'rejected'
        : 'hit';
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file), lanyardImport);
  return {
    get exports() {
      return module.exports;
    },
    state,
    save() {
      if (!cacheFile || state === 'hit') return;
      // Not main/fs/atomic.ts: a cache needs no fsync, and the boot file, compiled on every run,
      // would carry that module (and its crypto) for a write made once per build.
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, cacheFile);
        // Caches of other builds are dead weight; other Node versions' stay (nvm users switch).
        for (const name of readdirSync(dir)) {
          if (!name.startsWith(`${id}-`)) rmSync(join(dir, name), { force: true });
        }
      } catch {
        // A cache: the next run compiles again.
      }
    },
  };
}
