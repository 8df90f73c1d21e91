/**
 * What the desktop core uses from the rest of main/, as one narrow interface: the default wiring
 * (./wiring) builds it from the sign-in, accounts, credentials, console and config modules; a test
 * can replace any part. Nothing here holds state.
 */
import type { RoleCredentials } from '../../app/domain/credentials';
import type { SsoSession } from '../../app/domain/session';
import type { SessionManager } from '../auth/sign-in';
import type { RoleDirectory } from '../accounts/directory';
import type { AddSessionInput } from '../config/sessions';
import type { PlanProfilesInput, ProfilesPlan } from '../config/profiles';

export type RoleRef = { session: SsoSession; accountId: string; roleName: string };

export type ConsoleRequest = RoleRef & {
  region?: string;
  service?: string;
  mode: 'federation' | 'portal';
  logoutFirst: boolean;
};

export type DesktopServices = {
  auth: Pick<
    SessionManager,
    'login' | 'cancelLogin' | 'logout' | 'startFreshSession' | 'status' | 'onChange'
  >;
  loadSessions(): Promise<{ sessions: SsoSession[]; warnings: string[] }>;
  addSession(input: AddSessionInput): Promise<{ changed: boolean }>;
  roles: Pick<RoleDirectory, 'cached' | 'refresh' | 'prioritize'>;
  /** Temporary role credentials (cached in memory by the credentials module). Secret. */
  credentials(ref: RoleRef): Promise<RoleCredentials>;
  /** Drops held role credentials of a session (sign-out). */
  forgetCredentials(session: string): void;
  /** The URL to open for the console; may fetch a sign-in token. Secret-bearing: never logged. */
  consoleUrl(req: ConsoleRequest): Promise<string>;
  /** Origins besides AWS's own that URLs may be opened on (an emulator or private endpoint). */
  allowedOrigins: string[];
  planProfiles(input: PlanProfilesInput): Promise<ProfilesPlan>;
  applyProfilesPlan(plan: ProfilesPlan): Promise<{ written: boolean; backupPath?: string }>;
};
