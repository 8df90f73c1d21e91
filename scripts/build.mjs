// Builds Lanyard's Node-side bundles with esbuild (fast enough to run in `prepare`) and, with `all`,
// the renderer with Vite. Usage: node scripts/build.mjs node|all
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
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

const targets = [
  // Node packages stay external: the CLI loads only what a command needs, and the AWS SDK lazily.
  { entryPoints: ['main/cli/main.ts'], outfile: 'dist/cli.mjs', format: 'esm', packages: 'external' },
  { entryPoints: ['emulator/cli.ts'], outfile: 'dist/emulator.mjs', format: 'esm', packages: 'external' },
  // Electron's main bundles its dependencies (electron-store is ESM-only) and leaves electron to the runtime.
  {
    entryPoints: ['main/shell/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    external: ['electron'],
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
  if (!existsSync(join(root, t.entryPoints[0]))) {
    missing.push(t.entryPoints[0]);
    continue;
  }
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
