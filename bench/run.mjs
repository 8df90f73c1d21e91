// Runs every bench/*.bench.ts in turn with tsx and prints their tables. Benchmarks print figures;
// they assert nothing about speed (that is what they are for, not tests). Usage: node bench/run.mjs [filter]
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

let failed = 0;
const started = Date.now();
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  // NODE_NO_WARNINGS: the AWS SDK's Node-version notice would repeat in every table.
  const r = spawnSync(process.execPath, [tsx, join(here, f)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  if (r.status !== 0) {
    failed += 1;
    console.log(`${f} failed (exit ${r.status ?? r.signal})`);
  }
}
console.log(
  `\n${files.length} bench files in ${((Date.now() - started) / 1000).toFixed(0)} s, ${failed} failed`,
);
process.exit(failed ? 1 : 0);
