/**
 * Bundles the double once per test process: the shell-side module (what `electron` resolves to),
 * the register script that installs hooks.mjs, and the preload shim as an IIFE for the page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export type DoubleBundles = { electron: string; register: string; shim: string };
let built: Promise<DoubleBundles> | undefined;

export function doubleBundles(): Promise<DoubleBundles> {
  return (built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-double-'));
    const electron = join(dir, 'electron.mjs');
    await build({
      entryPoints: [join(here, 'shell-side', 'electron.ts')],
      outfile: electron,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
    });
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\n` +
        `register(${JSON.stringify(pathToFileURL(join(here, 'hooks.mjs')).href)}, { data: { electron: ${JSON.stringify(pathToFileURL(electron).href)} } });\n`,
    );
    const shim = await build({
      entryPoints: [join(here, 'preload-shim.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: '__electronDoubleShim',
      target: 'chrome120',
      logLevel: 'error',
    });
    return { electron, register, shim: shim.outputFiles[0]!.text };
  })());
}
