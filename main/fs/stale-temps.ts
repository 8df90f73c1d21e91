import { lstat, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A temp file older than this was left by a writer that died (kill -9, power loss): a live write
 * keeps its temp file for milliseconds. Age, not the writer's pid, decides: the name carries no pid,
 * pids are reused, and a home folder shared over NFS has writers on other machines.
 */
export const staleTempMs = 10 * 60_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes `.<name>.lanyard-<hex>.tmp` leftovers of earlier writes to `target`; never throws. */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(target);
  const pattern = new RegExp(`^\\.${escape(basename(target))}\\.lanyard-[0-9a-f]{12}\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const file = join(dir, name);
    try {
      const s = await lstat(file);
      if (!s.isFile() || now - s.mtimeMs < staleTempMs) continue;
      await unlink(file);
      removed.push(file);
    } catch {
      /* gone already, or not ours to remove: the write goes on */
    }
  }
  return removed;
}
