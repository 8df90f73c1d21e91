// Builds Lanyard's Node-side bundles with esbuild (fast enough to run in `prepare`) and, with `all`,
// the renderer with Vite. Usage: node scripts/build.mjs node|all
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
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
    // Our own `import … from 'node:fs'` becomes a require: importing a builtin into an ES module
    // reads every export, and fs's lazy ones (ReadStream, promises) load Node's whole stream stack.
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' && !/[\\/]node_modules[\\/]/.test(args.importer)
        ? { path: args.path.slice('node:'.length), namespace: 'required-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'required-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require('node:${args.path}');\n`,
    }));
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      bundled(args.path) || args.path.startsWith('node:') || args.namespace === 'lazy-builtin' || args.namespace === 'required-builtin'
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

const targets = [
  // Splitting turns each dynamic import() into a chunk, so `--help` does not parse what `env` uses.
  {
    entryPoints: { cli: 'main/cli/main.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    plugins: [cliPackages],
    // commander is CommonJS: its requires of Node's modules need a require in the ES module.
    banner: {
      js: "import { createRequire as __cliRequire } from 'node:module';\nconst require = __cliRequire(import.meta.url);",
    },
  },
  { entryPoints: ['emulator/cli.ts'], outfile: 'dist/emulator.mjs', format: 'esm', packages: 'external' },
  // Electron's main bundles its dependencies (electron-store is ESM-only) and leaves electron to the runtime.
  {
    entryPoints: ['main/shell/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    external: ['electron'],
    packages: 'external',
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
  // Stale chunks from earlier builds would pile up next to the new ones.
  if (t.chunkNames) rmSync(join(root, 'dist', 'cli-chunks'), { recursive: true, force: true });
  await build({ ...common, ...t });
}
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
