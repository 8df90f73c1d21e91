// Size of the packaged app: electron-builder run for real (`--linux dir`, offline, stub Electron),
// then app.asar measured from its header. The Electron binary itself is not counted (the stub stands
// in for it); this is what Lanyard adds to an Electron install.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asarStats } from '../test/support/packaging/asar-stats';
import { packageApp, repoRoot } from '../test/support/packaging/build';
import { printTable } from './support';

if (!existsSync(join(repoRoot, 'dist', 'electron', 'main.mjs'))) {
  console.error('dist/electron/main.mjs is missing: run `npm run bench` (it builds first).');
  process.exit(1);
}

const MB = 1024 * 1024;
const app = await packageApp();
try {
  const s = asarStats(app.asarPath);
  const trayDir = join(app.resourcesDir, 'tray');
  const tray = readdirSync(trayDir).reduce((sum, f) => sum + statSync(join(trayDir, f)).size, 0);
  printTable([
    { what: 'app.asar on disk', MB: s.asarBytes / MB, files: s.files },
    { what: 'app.asar contents, unpacked', MB: s.unpackedBytes / MB, files: s.files },
    { what: 'resources/tray (icons)', MB: tray / MB, files: readdirSync(trayDir).length },
  ]);
  console.log(`\nelectron-builder --linux dir: ${(app.ms / 1000).toFixed(1)} s\n`);
  const biggest = [...s.groups].sort((a, b) => b[1] - a[1]).slice(0, 10);
  printTable(biggest.map(([what, bytes]) => ({ 'largest in the asar': what, kB: Math.round(bytes / 1024) })));
} finally {
  await app.dispose();
}
