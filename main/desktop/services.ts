/**
 * What the desktop core uses from the rest of main/, as one narrow interface built from the
 * composition root (main/services.ts); a test can replace any part. Nothing here holds state.
 */
import type { RoleCredentials } from '../../app/domain/credentials';
import type { SsoSession } from '../../app/domain/session';
import type { SessionManager } from '../auth/sign-in';
import type { RoleDirectory } from '../accounts/directory';
import type { AddSessionInput } from '../config/sessions';
import type { PlanProfilesInput, ProfilesPlan } from '../config/profiles';
import type { Services } from '../services';

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

/** The desktop's view of the shared services. */
export function desktopServices(s: Services): DesktopServices {
  return {
    auth: s.signIn,
    loadSessions: () => s.loadSessions(),
    addSession: (input) => s.addSession(input),
    roles: s.directory,
    credentials: (ref) => s.credentials.get(ref.session, ref.accountId, ref.roleName),
    forgetCredentials: (session) => s.credentials.clear(session),
    consoleUrl: (req) =>
      s.consoleUrl({
        session: req.session,
        accountId: req.accountId,
        roleName: req.roleName,
        region: req.region,
        service: req.service,
        portalLink: req.mode === 'portal',
        logoutFirst: req.logoutFirst,
      }),
    allowedOrigins: s.allowedOrigins,
    planProfiles: (input) => s.planProfiles(input),
    applyProfilesPlan: (plan) => s.applyProfilesPlan(plan),
  };
}
