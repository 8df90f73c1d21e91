/** From the app snapshot to the tray's plain data (account names from the role cache). */
import type { RoleEntry } from '../../app/domain/accounts';
import { parseRoleKey } from '../../app/domain/role-key';
import type { AppSnapshot } from '../../app/ipc/contract';
import { intlClock, type ClockText } from '../../app/schedule/end-text';
import type { TrayRole, TrayState } from '../../app/tray/state';

export function trayStateFrom(
  snap: AppSnapshot,
  roles: ReadonlyMap<string, RoleEntry[]>,
  now: number,
  /** The system's locale and time zone unless a test fixes them. */
  clock: ClockText = intlClock(),
): TrayState {
  const names = new Map<string, string>();
  for (const list of roles.values())
    for (const r of list) names.set(`${r.sessionName}/${r.accountId}`, r.accountName);
  const toRole = (key: string): TrayRole | undefined => {
    const parts = parseRoleKey(key);
    if (!parts) return undefined;
    const role: TrayRole = { ...parts };
    const accountName = names.get(`${parts.session}/${parts.accountId}`);
    if (accountName) role.accountName = accountName;
    return role;
  };
  const lead = Math.max(0, ...snap.settings.notifyLeadMinutes);
  return {
    now,
    clock,
    online: snap.online,
    sessions: snap.sessions.map((s) => ({
      name: s.session.name,
      state: s.state,
      ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}),
      ...(s.usableUntil ? { usableUntil: s.usableUntil } : {}),
      refreshable: s.refreshable,
      signingIn: s.signingIn,
      listing: s.listing !== undefined,
    })),
    favorites: snap.settings.favorites.map(toRole).filter((r): r is TrayRole => r !== undefined),
    recents: snap.settings.recents.map(toRole).filter((r): r is TrayRole => r !== undefined),
    ...(lead > 0 ? { expiringWithinMs: lead * 60_000 } : {}),
  };
}
