/**
 * How Lanyard names a role: `session/accountId/roleName` in favorites, recents, the tray and the
 * window; `accountId/roleName` within one session. Built and parsed only here. No zod, so the
 * renderer can import it without pulling the schemas into its bundle.
 */
export type RoleKeyParts = { session: string; accountId: string; roleName: string };

/** What settings accept as a key (app/settings/schema). */
export const roleKeyPattern = /^[^/]+\/\d{12}\/[^/]+$/;

export function makeRoleKey(session: string, accountId: string, roleName: string): string {
  return `${session}/${accountId}/${roleName}`;
}

/** The key of a listed role (`RoleEntry` and friends). */
export function roleKeyOf(role: { sessionName: string; accountId: string; roleName: string }): string {
  return makeRoleKey(role.sessionName, role.accountId, role.roleName);
}

/** Splits on the first two `/` only, so a role name with a `/` in a hand-edited file survives. */
export function parseRoleKey(key: string): RoleKeyParts | undefined {
  const [session, accountId, ...rest] = key.split('/');
  if (!session || !accountId || rest.length === 0) return undefined;
  return { session, accountId, roleName: rest.join('/') };
}

/** A role within one session: profile plans and `profiles.plan` requests pick roles by it. */
export function accountRoleKey(role: { accountId: string; roleName: string }): string {
  return `${role.accountId}/${role.roleName}`;
}
