import type { SsoSession } from '../../app/domain/session';
import { getSession, loadSessions } from '../config/sessions';
import type { Paths } from '../paths';

/** Where sign-in finds sessions: `~/.aws/config` by default; tests and the app may pass their own. */
export type SessionDirectory = {
  list(): Promise<{ sessions: SsoSession[]; warnings: string[] }>;
  /** Throws LanyardError UNKNOWN_SESSION (with candidates) for a name not configured. */
  get(name: string): Promise<SsoSession>;
};

export function configDirectory(paths: Paths): SessionDirectory {
  return { list: () => loadSessions(paths), get: (name) => getSession(paths, name) };
}
