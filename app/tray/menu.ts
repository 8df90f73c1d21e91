/**
 * The tray menu as a data tree (pure): the shell maps it onto Electron's Menu.buildFromTemplate.
 * It is never empty, because GNOME's AppIndicator shows nothing for an icon without a menu.
 */
import { makeRoleKey } from '../domain/role-key';
import { endClockText } from '../schedule/end-text';
import { shortDuration } from '../format/duration';
import { endOfUse } from '../schedule/expiry';
import type { TrayAction, TrayRole, TraySession, TrayState } from './state';

export type TrayIconState = 'signed-out' | 'signed-in' | 'expiring' | 'expired' | 'busy';

export type TrayMenuItem = {
  id: string;
  label: string;
  enabled?: boolean;
  type?: 'separator' | 'submenu';
  submenu?: TrayMenuItem[];
  action?: TrayAction;
};

export type TrayLabels = {
  appName: string;
  offline: string;
  noSessions: string;
  signedIn: string;
  signedOut: string;
  expired: string;
  signingIn: string;
  signIn: string;
  signOut: string;
  startFresh: string;
  favorites: string;
  recents: string;
  copyEnv: string;
  openConsole: string;
  more: string;
  openWindow: string;
  searchRoles: string;
  quit: string;
};

export const defaultTrayLabels: TrayLabels = {
  appName: 'Lanyard',
  offline: 'Offline',
  noSessions: 'Add a sign-in…',
  signedIn: 'signed in',
  signedOut: 'signed out',
  expired: 'expired',
  signingIn: 'signing in…',
  signIn: 'Sign In',
  signOut: 'Sign Out',
  startFresh: 'Start Fresh Session',
  favorites: 'Favorites',
  recents: 'Recent',
  copyEnv: 'Copy Credentials',
  openConsole: 'Open Console',
  more: 'More…',
  openWindow: 'Open Lanyard',
  searchRoles: 'Search Roles…',
  quit: 'Quit Lanyard',
};

/** Caps keep the menu usable with hundreds of roles; the window has the rest. */
export const trayLimits = { sessions: 10, favorites: 10, recents: 5 } as const;

const DEFAULT_EXPIRING_MS = 30 * 60_000;

export function trayIconState(state: Omit<TrayState, 'clock'>): TrayIconState {
  const { sessions, now } = state;
  if (sessions.some((s) => s.signingIn || s.listing)) return 'busy';
  if (sessions.some((s) => s.state === 'expired')) return 'expired';
  const signedIn = sessions.filter((s) => s.state === 'signed-in');
  if (signedIn.length === 0) return 'signed-out';
  const within = state.expiringWithinMs ?? DEFAULT_EXPIRING_MS;
  const expiring = signedIn.some((s) => {
    const end = endOfUse(s);
    return end !== undefined && end - now <= within;
  });
  return expiring ? 'expiring' : 'signed-in';
}

/**
 * "signed in, ends 17:40, 2h 05m left": the end as a clock time (what a person plans around) and
 * the time left (what the tray is glanced at for), worded as the window and the CLI word them.
 */
function sessionStatusText(s: TraySession, state: TrayState, l: TrayLabels): string {
  if (s.signingIn) return l.signingIn;
  if (s.state === 'expired') return l.expired;
  if (s.state === 'signed-out') return l.signedOut;
  const end = endOfUse(s);
  if (end === undefined) return l.signedIn;
  const left = end > state.now ? `, ${shortDuration(end - state.now)} left` : '';
  return `${l.signedIn}, ${endClockText(end, state.now, state.clock)}${left}`;
}

/** Tooltip: one line per session with when it ends (tooltips are plain text everywhere). */
export function trayTooltip(state: TrayState, labels: Partial<TrayLabels> = {}): string {
  const l = { ...defaultTrayLabels, ...labels };
  const lines = [state.online ? l.appName : `${l.appName} (${l.offline})`];
  for (const s of state.sessions.slice(0, trayLimits.sessions)) {
    lines.push(`${s.name}: ${sessionStatusText(s, state, l)}`);
  }
  // macOS and Windows cut tooltips at about 127 characters.
  const text = lines.join('\n');
  return text.length > 127 ? `${text.slice(0, 126)}…` : text;
}

const roleId = (r: TrayRole) => makeRoleKey(r.session, r.accountId, r.roleName);
const roleLabel = (r: TrayRole) => `${r.accountName ?? r.accountId} / ${r.roleName}`;

function sessionItem(s: TraySession, state: TrayState, l: TrayLabels): TrayMenuItem {
  const id = `session:${s.name}`;
  const actions: TrayMenuItem[] = [];
  if (s.state === 'signed-in') {
    actions.push({ id: `${id}:signOut`, label: l.signOut, action: { type: 'signOut', session: s.name } });
  } else {
    actions.push({
      id: `${id}:signIn`,
      label: l.signIn,
      enabled: !s.signingIn,
      action: { type: 'signIn', session: s.name },
    });
  }
  actions.push({
    id: `${id}:startFresh`,
    label: l.startFresh,
    enabled: !s.signingIn,
    action: { type: 'startFresh', session: s.name },
  });
  return {
    id,
    label: `${s.name} — ${sessionStatusText(s, state, l)}`,
    type: 'submenu',
    submenu: actions,
  };
}

function roleItem(prefix: string, r: TrayRole, usable: boolean, l: TrayLabels): TrayMenuItem {
  const id = `${prefix}:${roleId(r)}`;
  const role = { session: r.session, accountId: r.accountId, roleName: r.roleName };
  return {
    id,
    label: roleLabel(r),
    type: 'submenu',
    enabled: usable,
    submenu: [
      { id: `${id}:copyEnv`, label: l.copyEnv, enabled: usable, action: { type: 'copyEnv', role } },
      {
        id: `${id}:openConsole`,
        label: l.openConsole,
        enabled: usable,
        action: { type: 'openConsole', role },
      },
    ],
  };
}

const more = (id: string, l: TrayLabels): TrayMenuItem => ({
  id,
  label: l.more,
  action: { type: 'openWindow', focusSearch: true },
});

export function buildTrayMenu(state: TrayState, labels: Partial<TrayLabels> = {}): TrayMenuItem[] {
  const l = { ...defaultTrayLabels, ...labels };
  const items: TrayMenuItem[] = [];
  let sep = 0;
  const separator = () => items.push({ id: `sep:${++sep}`, label: '', type: 'separator' });

  if (!state.online) items.push({ id: 'offline', label: `${l.appName} — ${l.offline}`, enabled: false });

  if (state.sessions.length === 0) {
    items.push({ id: 'noSessions', label: l.noSessions, action: { type: 'openWindow' } });
  } else {
    for (const s of state.sessions.slice(0, trayLimits.sessions)) items.push(sessionItem(s, state, l));
    if (state.sessions.length > trayLimits.sessions) items.push(more('sessions:more', l));
  }

  const usableSessions = new Set(
    state.sessions.filter((s) => s.state === 'signed-in' && state.online).map((s) => s.name),
  );
  const knownSessions = new Set(state.sessions.map((s) => s.name));
  const favorites = state.favorites.filter((r) => knownSessions.has(r.session));
  if (favorites.length > 0) {
    separator();
    items.push({ id: 'favorites:header', label: l.favorites, enabled: false });
    for (const r of favorites.slice(0, trayLimits.favorites)) {
      items.push(roleItem('favorite', r, usableSessions.has(r.session), l));
    }
    if (favorites.length > trayLimits.favorites) items.push(more('favorites:more', l));
  }

  const favIds = new Set(favorites.map(roleId));
  const recents = state.recents.filter((r) => knownSessions.has(r.session) && !favIds.has(roleId(r)));
  if (recents.length > 0) {
    items.push({
      id: 'recents',
      label: l.recents,
      type: 'submenu',
      submenu: recents
        .slice(0, trayLimits.recents)
        .map((r) => roleItem('recent', r, usableSessions.has(r.session), l)),
    });
  }

  separator();
  items.push({ id: 'openWindow', label: l.openWindow, action: { type: 'openWindow' } });
  items.push({ id: 'searchRoles', label: l.searchRoles, action: { type: 'openWindow', focusSearch: true } });
  separator();
  items.push({ id: 'quit', label: l.quit, action: { type: 'quit' } });
  return items;
}
