/**
 * Chromium for renderer tests, benchmarks and e2e: serve a built renderer on 127.0.0.1 (port 0),
 * launch /usr/bin/chromium through playwright-core with quiet, offline-friendly flags, and inject
 * the dev fake bridge when a test wants the renderer without main.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import type { FakeOptions } from './renderer/fake-bridge';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const rendererDist = join(repoRoot, 'dist', 'renderer');
export const chromiumPath = process.env.LANYARD_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, ...options });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type StaticServer = { url: string; close: () => Promise<void> };

/** Serves `dir` read-only on 127.0.0.1 at an OS-chosen port; nothing outside `dir` is reachable. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}

/**
 * Where tests build the renderer: not dist/renderer, which `npm start`, packaging and the bench use,
 * so a test run never leaves its build where a bench would measure it.
 */
export const testRendererDist = join(repoRoot, 'test-results', 'renderer-build');

/**
 * Builds the production renderer (what users get) with Vite into `outDir`. Vitest sets
 * NODE_ENV=test, and Vite would then bundle React's development build, so the build runs in a
 * child process with NODE_ENV=production.
 */
export async function buildRenderer(outDir = testRendererDist): Promise<string> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const { spawn } = await import('node:child_process');
  const output = await new Promise<string>((ok, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(text) : fail(new Error(`vite build failed:\n${text}`))));
  });
  // A warning from the build (chunk size, a bad import) should be read, not scrolled past.
  if (output.trim() !== '') console.warn(output.trim());
  return outDir;
}

/**
 * The fake bridge as one script for `page.addInitScript`: it defines `window.lanyard` before the
 * renderer's first line runs, as the real preload does.
 */
export async function fakeBridgeScript(options: FakeOptions): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(repoRoot, 'test', 'support', 'renderer', 'fake-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__lanyardFake',
    target: 'chrome120',
    logLevel: 'error',
  });
  const code = out.outputFiles[0]!.text;
  return `${code}\n__lanyardFake.installFakeBridge(${JSON.stringify(options)});`;
}

/**
 * The bridge to the REAL desktop core (test/support/bridge-init.ts) as one script for
 * `page.addInitScript`: the page's `window.lanyard` calls the core's dispatch through a binding.
 */
export async function coreBridgeScript(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(repoRoot, 'test', 'support', 'bridge-init.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}
