/**
 * The shell's clock. The expiry notices and the tray's time left run on it, so a test of the shell
 * under the Electron double (test/support/electron-double) moves time instead of waiting hours:
 * in an unpackaged run, LANYARD_TEST_CLOCK names a module whose `clock` export replaces the
 * system clock. A packaged app never reads it.
 */
import { app } from './electron';
import { createLogger } from '../log/logger';
import { systemClock, type Clock } from '../platform/types';

const log = createLogger('shell.clock');

export async function shellClock(env: Record<string, string | undefined>): Promise<Clock> {
  const spec = env.LANYARD_TEST_CLOCK;
  if (!spec || app.isPackaged) return systemClock;
  const mod = (await import(spec)) as { clock?: Clock };
  if (!mod.clock) throw new Error(`LANYARD_TEST_CLOCK (${spec}) exports no clock`);
  log.warn('running on a test clock', { module: spec });
  return mod.clock;
}
