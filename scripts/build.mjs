// Builds Lanyard's Node-side bundles with esbuild (fast enough to run in `prepare`) and, with `all`,
// the renderer with Vite. Usage: node scripts/build.mjs node|all
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'node';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * Node packages stay external to the CLI (it loads only what a command needs, the AWS SDK lazily),
 * except the two every run loads, which are bundled to spare the resolver: the hashes behind cache
 * file names, and commander, whose `require('node:child_process')` (for executable subcommands,
 * which Lanyard has none of) becomes a getter that loads the module on first use. Loading
 * child_process and net was about 8 ms of every command's start-up.
 */
const bundled = (path) => path === 'commander' || path.startsWith('@noble/hashes/');

/** Every package stays external (npm or electron-builder ships it) except those `bundle` names. */
const externalExcept = (bundle) => ({
  name: 'external-except',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      bundle(args.path) || args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
    );
  },
});

const cliPackages = {
  name: 'cli-packages',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : { path: args.path, external: true },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let m;\nmodule.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:${args.path}'))[k] });\n`,
    }));
    // A module that imports an ES-module-only package (conf) cannot be required from the CommonJS
    // CLI on every Node 20: it is an ES module of its own beside the CLI, imported when first used.
    b.onResolve({ filter: /settings\/store$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './cli-settings-store.mjs', external: true } : undefined,
    );
  },
};

/** A package Node 20 before 20.19 cannot require(): an ES module with no CommonJS entry. */
function esmOnly(name) {
  const dir = join(root, 'node_modules', ...name.split('/').slice(0, name.startsWith('@') ? 2 : 1));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return pkg.type === 'module' && !JSON.stringify(pkg.exports ?? {}).includes('"require"');
}

/**
 * Same length as the id, so the source map stays right on that line (the `lanyardImport` rewrite
 * below moves the columns of the lines it touches, about 16 of them).
 */
const buildIdPlaceholder = '0'.repeat(16);

/**
 * Readies the CLI bundle for its code cache:
 * - its build id, a hash of its text, keys the cache (V8 checks only the length);
 * - its `import()` of packages calls `lanyardImport`, which main/cli/compile-cache.ts passes in:
 *   a script compiled from a code cache loses its dynamic import callback (nodejs/node#43663), so
 *   the bundle must not call import() itself. The count is checked against esbuild's own record of
 *   the bundle's dynamic imports, so text that merely looks like one is never touched.
 */
function readyForCodeCache(file, metafile) {
  const external = Object.values(metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((i) => i.kind === 'dynamic-import' && i.external).length;
  let text = readFileSync(file, 'utf8');
  let found = 0;
  text = text.replace(/\bimport\(("[^"\n]+")\)/g, (_, spec) => {
    found++;
    return `lanyardImport(${spec})`;
  });
  for (const [, name] of text.matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
    if (!name.startsWith('node:') && esmOnly(name))
      throw new Error(`build: the CommonJS CLI requires ${name}, which is an ES module only; import it`);
  }
  if (found !== external)
    throw new Error(
      `build: the CLI has ${external} dynamic imports of packages, but ${found} were rewritten`,
    );
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(file, text.replace(`// lanyard-build ${buildIdPlaceholder}`, `// lanyard-build ${id}`));
}

const targets = [
  // CommonJS in one file: bin/lanyard.js runs it through a V8 code cache (main/cli/compile-cache.ts),
  // which compiles one script. The first line is the build id that keys the cache (filled in below).
  {
    entryPoints: ['main/cli/main.ts'],
    outfile: 'dist/cli.cjs',
    format: 'cjs',
    plugins: [cliPackages, externalExcept(bundled)],
    banner: { js: `// lanyard-build ${buildIdPlaceholder}` },
    metafile: true,
    codeCache: true,
  },
  {
    entryPoints: ['main/settings/store.ts'],
    outfile: 'dist/cli-settings-store.mjs',
    format: 'esm',
    packages: 'external',
  },
  // The bin's first step, compiled on every run: paths and the cache, nothing else.
  {
    entryPoints: ['main/cli/boot.ts'],
    outfile: 'dist/cli-boot.cjs',
    format: 'cjs',
    plugins: [cliPackages, externalExcept(bundled)],
  },
  { entryPoints: ['emulator/cli.ts'], outfile: 'dist/emulator.mjs', format: 'esm', packages: 'external' },
  // Electron's main bundles its dependencies (electron-store is ESM-only) and leaves electron to the runtime.
  // The file-name hashes are bundled (a few kB of the 347 kB package), so the asar leaves it out.
  {
    entryPoints: ['main/shell/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    external: ['electron'],
    plugins: [externalExcept((path) => path.startsWith('@noble/hashes/'))],
  },
  // The profiles plan worker (main/config/plan-thread.ts), beside the main that starts it. CommonJS:
  // Electron reads a worker's script from app.asar through its patched require.
  {
    entryPoints: ['main/config/plan-worker.ts'],
    outfile: 'dist/electron/plan-worker.cjs',
    format: 'cjs',
    packages: 'external',
  },
  // A sandboxed preload must be one CommonJS file with no requires but electron.
  {
    entryPoints: ['main/shell/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  },
];

const missing = [];
for (const t of targets) {
  const entry = Object.values(t.entryPoints)[0];
  if (!existsSync(join(root, entry))) {
    missing.push(entry);
    continue;
  }
  const { codeCache, ...options } = t;
  const result = await build({ ...common, ...options });
  if (codeCache) readyForCodeCache(join(root, t.outfile), result.metafile);
}
// What earlier builds wrote: an ES module CLI with chunks.
for (const old of ['cli.mjs', 'cli.mjs.map', 'cli-chunks'])
  rmSync(join(root, 'dist', old), { recursive: true, force: true });
if (missing.length) console.warn(`build: skipped (not written yet): ${missing.join(', ')}`);

if (mode === 'all' && existsSync(join(root, 'renderer', 'index.html'))) {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
