/**
 * What a CLI run found in `~/.aws/config` (its sessions and warnings), remembered for the next run
 * while the file is unchanged, the way git's index remembers what it hashed: keyed by the file's
 * device, inode, size, and change and modification times in nanoseconds. A 5,000-profile config is
 * 1.2 MB, and reading and scanning it was most of a warm `lanyard roles`; an unchanged file now
 * costs one stat and one small read.
 *
 * A file modified less than two seconds before it was read is not remembered ("racily clean" in
 * git's words): on a file system with coarse timestamps, a second edit in the same tick would keep
 * every stamp the same. Lanyard's own writes change the stamp, and the per-run reader is
 * invalidated after them, so they are always seen.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha1Hex } from '../digest';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log/logger';

const log = createLogger('config.remembered');

/** Bumped whenever what is remembered would be found differently: an older file is ignored. */
const formatVersion = 1;
const racyMs = 2_000;

/** The identity of the file's content as the file system tells it; undefined when it is not a regular file. */
export type FileStamp = string;

export function stampOf(s: {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}): FileStamp {
  return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':');
}

export async function currentStamp(path: string): Promise<FileStamp | undefined> {
  try {
    const s = await stat(path, { bigint: true });
    return s.isFile() ? stampOf(s) : undefined;
  } catch {
    return undefined;
  }
}

export type Remembered<T> = {
  /** What was found in the file with this stamp, if it was remembered and passes `isValid`. */
  get(stamp: FileStamp): Promise<T | undefined>;
  /** Remembers `value` for the file as read (stamp and modification time of the handle read). */
  put(stamp: FileStamp, mtimeMs: number, value: T): Promise<void>;
};

type Stored = { version: number; path: string; stamp: string; value: unknown };

/** Remembered values for one file, in `<dir>/config-index/<sha1 of the path>.json` (0600). */
export function remembered<T>(
  dir: string,
  path: string,
  isValid: (v: unknown) => v is T,
  now: () => number = Date.now,
): Remembered<T> {
  const folder = join(dir, 'config-index');
  const file = join(folder, `${sha1Hex(path)}.json`);
  return {
    async get(stamp) {
      try {
        const s = JSON.parse(await readFile(file, 'utf8')) as Partial<Stored> | null;
        if (s?.version !== formatVersion || s.path !== path || s.stamp !== stamp) return undefined;
        return isValid(s.value) ? s.value : undefined;
      } catch {
        return undefined;
      }
    },
    async put(stamp, mtimeMs, value) {
      if (now() - mtimeMs < racyMs) return;
      const stored: Stored = { version: formatVersion, path, stamp, value };
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await writeFileAtomic(file, `${JSON.stringify(stored)}\n`, { mode: 0o600 });
      } catch (e) {
        // Only the next run's speed depends on it.
        log.warn('could not remember what the config holds', { error: (e as Error).message });
      }
    },
  };
}
