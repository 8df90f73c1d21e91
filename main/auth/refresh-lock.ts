import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SsoSession } from '../../app/domain/session';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { tokenFileName } from './cache-names';

const log = createLogger('auth.refresh-lock');

/**
 * A lock older than this (its holder was killed, or hangs) is taken over. A holder renews it every
 * stale/2 while it runs, so a slow refresh keeps its lock.
 */
export const staleLockMs = 10_000;
/** How long a process waits for another one's refresh before it goes ahead on its own. */
const waitMs = 20_000;

/**
 * Runs `fn` while holding a cross-process lock for one session's token file, so Lanyard processes
 * (CLI calls, the tray app) refresh one at a time and the later ones find the new token on disk.
 * proper-lockfile: mkdir is atomic on every file system (even NFS), and it handles stale locks.
 * The lock lives in Lanyard's data folder, not in ~/.aws/sso/cache, which other tools list and own.
 * When no lock can be had (read-only data folder, a stuck holder) `fn` still runs: an uncoordinated
 * refresh, as before, is better than none.
 */
export async function withRefreshLock<T>(
  paths: Paths,
  session: SsoSession,
  fn: () => Promise<T>,
): Promise<T> {
  const dir = join(paths.dataDir, 'locks');
  const target = join(dir, tokenFileName(session));
  let release: (() => Promise<void>) | undefined;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Loaded on first refresh: most runs never refresh, and start-up time is per run.
    const { default: lockfile } = await import('proper-lockfile');
    release = await lockfile.lock(target, {
      realpath: false,
      stale: staleLockMs,
      retries: { retries: Math.ceil(waitMs / 100), factor: 1, minTimeout: 100, maxTimeout: 100 },
      onCompromised: (e) => log.warn(`the refresh lock for ${session.name} was taken over: ${e.message}`),
    });
  } catch (e) {
    log.warn(`refreshing ${session.name} without the cross-process lock: ${(e as Error).message}`);
  }
  try {
    return await fn();
  } finally {
    await release?.().catch((e: unknown) => log.warn('could not release the refresh lock', e));
  }
}
