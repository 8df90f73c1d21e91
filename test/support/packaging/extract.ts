/**
 * A packaged app laid out so Node can run it. At runtime Electron patches `fs` so that
 * `resources/app.asar` reads like a folder; Node cannot read an asar, so this extracts it into a
 * real folder with the same name. Every path the shell computes (`import.meta.url`,
 * `process.resourcesPath`, `app.getAppPath()`) is then the string it would be in Electron, and a file
 * missing from the package is missing here too.
 */
import { extractAll } from '@electron/asar';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackagedApp } from './build';

export interface RunnableApp {
  /** Stands in for `process.resourcesPath`. */
  readonly resourcesPath: string;
  /** Stands in for `app.getAppPath()`: resources/app.asar. */
  readonly appPath: string;
  /** The file package.json `main` names, inside appPath. */
  readonly main: string;
}

export async function extractPackagedApp(app: PackagedApp): Promise<RunnableApp> {
  const resourcesPath = join(app.dir, 'run', 'resources');
  const appPath = join(resourcesPath, 'app.asar');
  extractAll(app.asarPath, appPath);
  // Everything electron-builder put beside the asar (extraResources: the tray icons).
  await cp(app.resourcesDir, resourcesPath, {
    recursive: true,
    filter: (src) => src !== app.asarPath,
  });
  const pkg = JSON.parse(await readFile(join(appPath, 'package.json'), 'utf8')) as { main?: string };
  if (!pkg.main) throw new Error('the packaged package.json has no main');
  return { resourcesPath, appPath, main: join(appPath, pkg.main) };
}
