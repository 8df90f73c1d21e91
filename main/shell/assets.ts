/** Where the shell finds its files, packaged (app.asar + resources) or from a source checkout. */
import { app } from './electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrayIconState } from '../../app/tray/menu';

// dist/electron/main.mjs: the preload and the plan worker sit beside it, the renderer in dist/renderer.
const here = dirname(fileURLToPath(import.meta.url));

export const preloadPath = join(here, 'preload.cjs');
/** Profiles are planned in a worker thread running this file (see main/config/plan-thread.ts). */
export const planWorkerPath = join(here, 'plan-worker.cjs');
export const rendererDir = join(here, '..', 'renderer');

function trayDir(): string {
  // electron-builder copies build/tray to resources/tray (extraResources in electron-builder.yml).
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
}

/**
 * macOS gets template images (black + alpha; the system tints them for light, dark and
 * highlighted menu bars); elsewhere coloured ones. Electron picks the @2x file on HiDPI itself.
 */
export function trayIconPath(state: TrayIconState, platform: NodeJS.Platform = process.platform): string {
  return join(trayDir(), platform === 'darwin' ? `${state}Template.png` : `${state}.png`);
}

/** Shown beside notifications on Windows and Linux (macOS always uses the app icon). */
export function notificationIconPath(): string {
  return join(trayDir(), 'signed-in@2x.png');
}
