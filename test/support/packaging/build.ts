/**
 * Runs electron-builder for real (`--linux dir`), offline, on a copy of the repository, against the
 * stub Electron distribution. Shared by test/build/package.test.ts and bench/package.bench.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { makeStubElectronDist } from './stub-electron';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export interface PackagedApp {
  /** The temp folder holding everything; remove it with `dispose`. */
  readonly dir: string;
  /** release/linux-unpacked: the executable and resources/. */
  readonly appOutDir: string;
  readonly resourcesDir: string;
  readonly asarPath: string;
  readonly log: string;
  readonly ms: number;
  dispose(): Promise<void>;
}

// Not copied into the staging project: VCS data, the output folder, and the installed packages
// (linked instead). The lock file stays out so electron-builder walks node_modules itself, see below.
const notStaged = new Set(['.git', 'node_modules', 'release', 'package-lock.json']);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `scripts/build.mjs all` when the shipped bundles are missing or older than their sources. */
export function ensureBuilt(): void {
  const outputs = [
    'dist/electron/main.mjs',
    'dist/electron/preload.cjs',
    'dist/electron/plan-worker.cjs',
    'dist/renderer/index.html',
  ];
  const sources = Math.max(...['app', 'main', 'renderer'].map((d) => newestMtime(join(repoRoot, d))));
  const fresh = outputs.every(
    (f) => existsSync(join(repoRoot, f)) && statSync(join(repoRoot, f)).mtimeMs >= sources,
  );
  if (fresh) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), 'all'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

/** Packages the current dist/ (see `ensureBuilt`). */
export async function packageApp(): Promise<PackagedApp> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-package-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const project = join(dir, 'project');
    await cp(repoRoot, project, {
      recursive: true,
      filter: (src) => src === repoRoot || !notStaged.has(basename(src)) || !isTopLevel(src),
    });
    await symlink(await realpath(join(repoRoot, 'node_modules')), join(project, 'node_modules'), 'dir');
    const electronDist = await makeStubElectronDist(join(dir, 'electron-dist'));
    const output = join(dir, 'release');
    const started = performance.now();
    const log = await run(
      project,
      [
        '--linux',
        'dir',
        '--publish',
        'never',
        '--projectDir',
        project,
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
      ],
      join(dir, 'cache'),
    );
    const ms = performance.now() - started;
    const appOutDir = join(output, 'linux-unpacked');
    const resourcesDir = join(appOutDir, 'resources');
    return { dir, appOutDir, resourcesDir, asarPath: join(resourcesDir, 'app.asar'), log, ms, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

function isTopLevel(src: string): boolean {
  return join(src, '..') === repoRoot;
}

function run(cwd: string, args: string[], cache: string): Promise<string> {
  const cli = join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    // An empty cache: any tool electron-builder would have to download fails here instead of
    // being served from a developer's warm cache.
    ELECTRON_BUILDER_CACHE: cache,
    ELECTRON_CACHE: cache,
    // In a git worktree node_modules is often a symlink, and `npm ls` then reports every package as
    // a link with no dependencies, so electron-builder's npm collector silently drops transitive
    // dependencies. Its traversal collector (Node resolution over package.json `dependencies`, the
    // fallback it uses itself) gives the same set on either layout.
    npm_config_user_agent: 'traversal',
    CI: '1',
  };
  for (const k of ['npm_execpath', 'npm_package_json', 'INIT_CWD']) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`electron-builder exited ${code}:\n${out}`)),
    );
  });
}
