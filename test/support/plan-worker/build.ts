/**
 * The plan worker built from the current sources the way scripts/build.mjs builds it (one CommonJS
 * file), into a temp folder of its own: a worker thread runs JavaScript, not the TypeScript under
 * test, and parallel test files must not rebuild dist/ under each other's feet.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

export type BuiltPlanWorkers = {
  /** main/config/plan-worker.ts, as shipped. */
  script: string;
  /** The same worker behind test/support/plan-worker/faulty.ts, which crashes on demand. */
  faulty: string;
  dispose(): Promise<void>;
};

export async function buildPlanWorkers(): Promise<BuiltPlanWorkers> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-plan-worker-'));
  const one = async (entry: string, name: string) => {
    const outfile = join(dir, name);
    await build({
      entryPoints: [join(repoRoot, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
    });
    return outfile;
  };
  return {
    script: await one('main/config/plan-worker.ts', 'plan-worker.cjs'),
    faulty: await one('test/support/plan-worker/faulty.ts', 'faulty-plan-worker.cjs'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
