/**
 * What `bin/lanyard.js` runs (built to dist/cli-boot.cjs): the CLI bundle through the code cache in
 * Lanyard's data folder. Small on purpose: this file is compiled on every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePaths } from '../paths';
import { compileCached } from './compile-cache';

type Cli = { main(argv: string[]): Promise<number> };

export async function boot(dist: string, argv: string[]): Promise<number> {
  const file = join(dist, 'cli.cjs');
  const source = readFileSync(file, 'utf8');
  const compiled = compileCached(file, source, join(resolvePaths().dataDir, 'compile-cache'));
  if (process.env.LANYARD_DEBUG_COMPILE_CACHE)
    process.stderr.write(`lanyard: compile cache ${compiled.state}\n`);
  const code = await (compiled.exports as Cli).main(argv);
  compiled.save();
  return code;
}
