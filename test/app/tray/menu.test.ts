import { describe, expect, it } from 'vitest';
import {
  buildTrayMenu,
  trayIconState,
  trayLimits,
  trayTooltip,
  type TrayMenuItem,
} from '../../../app/tray/menu';
import { intlClock } from '../../../app/schedule/end-text';
import { type TrayRole, type TraySession, type TrayState } from '../../../app/tray/state';

const NOW = Date.UTC(2030, 0, 1, 9, 0, 0);
// Fixed locale and zone: the tray's clock times do not depend on the machine running the tests.
const clock = intlClock('en-GB', 'UTC');
const iso = (ms: number) => new Date(ms).toISOString();

function session(name: string, over: Partial<TraySession> = {}): TraySession {
  return { name, state: 'signed-in', refreshable: true, signingIn: false, listing: false, ...over };
}
function state(over: Partial<TrayState> = {}): TrayState {
  return { now: NOW, clock, online: true, sessions: [], favorites: [], recents: [], ...over };
}
function role(i: number, sessionName = 'work'): TrayRole {
  return {
    session: sessionName,
    accountId: String(100000000000 + i),
    roleName: `Role${i}`,
    accountName: `acct-${i}`,
  };
}
const flat = (items: TrayMenuItem[]): TrayMenuItem[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('trayIconState', () => {
  it('is signed-out with no sessions or none signed in', () => {
    expect(trayIconState(state())).toBe('signed-out');
    expect(trayIconState(state({ sessions: [session('a', { state: 'signed-out' })] }))).toBe('signed-out');
  });
  it('is busy while signing in or listing, ahead of everything else', () => {
    expect(
      trayIconState(
        state({ sessions: [session('a', { state: 'expired' }), session('b', { listing: true })] }),
      ),
    ).toBe('busy');
  });
  it('is expired when any session expired', () => {
    expect(trayIconState(state({ sessions: [session('a'), session('b', { state: 'expired' })] }))).toBe(
      'expired',
    );
  });
  it('is expiring within 30 minutes of the end of use, signed-in otherwise', () => {
    const soon = session('a', { usableUntil: iso(NOW + 29 * 60_000) });
    const later = session('a', { usableUntil: iso(NOW + 31 * 60_000) });
    expect(trayIconState(state({ sessions: [soon] }))).toBe('expiring');
    expect(trayIconState(state({ sessions: [later] }))).toBe('signed-in');
    // A refreshable session's token expiry alone is not the end: a silent refresh renews it.
    expect(trayIconState(state({ sessions: [session('a', { expiresAt: iso(NOW + 60_000) })] }))).toBe(
      'signed-in',
    );
    const legacy = session('a', { refreshable: false, expiresAt: iso(NOW + 60_000) });
    expect(trayIconState(state({ sessions: [legacy] }))).toBe('expiring');
  });
});

describe('buildTrayMenu', () => {
  it('is never empty and always offers the window and quit', () => {
    const items = buildTrayMenu(state());
    expect(items.length).toBeGreaterThan(0);
    const actions = flat(items).map((i) => i.action?.type);
    expect(actions).toContain('openWindow');
    expect(actions).toContain('quit');
  });

  it('offers sign in for signed-out sessions and sign out for signed-in ones, plus start fresh', () => {
    const items = buildTrayMenu(state({ sessions: [session('work'), session('lab', { state: 'expired' })] }));
    const all = flat(items);
    expect(all.find((i) => i.id === 'session:work:signOut')?.action).toEqual({
      type: 'signOut',
      session: 'work',
    });
    expect(all.find((i) => i.id === 'session:lab:signIn')?.action).toEqual({
      type: 'signIn',
      session: 'lab',
    });
    expect(all.find((i) => i.id === 'session:lab:startFresh')?.action).toEqual({
      type: 'startFresh',
      session: 'lab',
    });
    expect(all.find((i) => i.id === 'session:lab')?.label).toBe('lab — expired');
  });

  it('shows when the session ends on the session line', () => {
    const items = buildTrayMenu(
      state({ sessions: [session('work', { usableUntil: iso(NOW + (2 * 60 + 5) * 60_000) })] }),
    );
    expect(items.find((i) => i.id === 'session:work')?.label).toBe(
      'work — signed in, ends 11:05, 2h 05m left',
    );
  });

  it('caps favorites with a More… that opens the window', () => {
    const favorites = Array.from({ length: 25 }, (_, i) => role(i));
    const items = buildTrayMenu(state({ sessions: [session('work')], favorites }));
    expect(items.filter((i) => i.id.startsWith('favorite:'))).toHaveLength(trayLimits.favorites);
    expect(items.find((i) => i.id === 'favorites:more')?.action).toEqual({
      type: 'openWindow',
      focusSearch: true,
    });
  });

  it('caps sessions too', () => {
    const sessions = Array.from({ length: 12 }, (_, i) => session(`s${i}`));
    const items = buildTrayMenu(state({ sessions }));
    expect(items.filter((i) => /^session:[^:]+$/.test(i.id))).toHaveLength(trayLimits.sessions);
    expect(items.some((i) => i.id === 'sessions:more')).toBe(true);
  });

  it('gives role items copy and console actions, disabled unless the session is signed in and online', () => {
    const fav = role(1);
    const on = flat(buildTrayMenu(state({ sessions: [session('work')], favorites: [fav] })));
    const copy = on.find((i) => i.action?.type === 'copyEnv');
    expect(copy?.enabled).toBe(true);
    expect(copy?.action).toEqual({
      type: 'copyEnv',
      role: { session: 'work', accountId: fav.accountId, roleName: 'Role1' },
    });
    expect(on.find((i) => i.id.startsWith('favorite:'))?.label).toBe('acct-1 / Role1');
    const off = flat(buildTrayMenu(state({ online: false, sessions: [session('work')], favorites: [fav] })));
    expect(off.find((i) => i.action?.type === 'copyEnv')?.enabled).toBe(false);
    expect(off[0]?.label).toContain('Offline');
    const expired = flat(
      buildTrayMenu(state({ sessions: [session('work', { state: 'expired' })], favorites: [fav] })),
    );
    expect(expired.find((i) => i.action?.type === 'openConsole')?.enabled).toBe(false);
  });

  it('lists recents that are not favorites, capped, and drops roles of removed sessions', () => {
    const recents = [role(1), role(2), role(3), role(4), role(5), role(6), role(7), role(9, 'gone')];
    const items = buildTrayMenu(state({ sessions: [session('work')], favorites: [role(1)], recents }));
    const sub = items.find((i) => i.id === 'recents')?.submenu ?? [];
    expect(sub).toHaveLength(trayLimits.recents);
    expect(sub.map((i) => i.label)).not.toContain('acct-1 / Role1');
    expect(JSON.stringify(items)).not.toContain('gone');
  });

  it('is plain serializable data with unique ids', () => {
    const items = buildTrayMenu(
      state({ sessions: [session('work')], favorites: [role(1)], recents: [role(2)] }),
    );
    expect(JSON.parse(JSON.stringify(items))).toEqual(items);
    const ids = flat(items).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('tooltip', () => {
  it('names each session with when it ends, as a clock time', () => {
    const t = trayTooltip(
      state({
        sessions: [
          session('work', { usableUntil: iso(NOW + 8 * 3_600_000 + 40 * 60_000) }),
          session('legacy', { refreshable: false, expiresAt: iso(NOW + 14 * 60_000) }),
          session('renewing'),
          session('lab', { state: 'signed-out' }),
        ],
      }),
    );
    expect(t).toBe(
      'Lanyard\nwork: signed in, ends 17:40, 8h 40m left\nlegacy: signed in, ends 09:14, 14m left\nrenewing: signed in\nlab: signed out',
    );
  });
  it('adds the date to an end a day or more away', () => {
    const t = trayTooltip(state({ sessions: [session('work', { usableUntil: iso(NOW + 30 * 3_600_000) })] }));
    expect(t).toBe('Lanyard\nwork: signed in, ends 2 Jan, 15:00, 1d 6h left');
  });
  it('the time zone comes from the clock it is given', () => {
    const tokyo = intlClock('en-GB', 'Asia/Tokyo');
    const work = session('work', { usableUntil: iso(NOW + 8 * 3_600_000 + 40 * 60_000) });
    expect(trayTooltip(state({ clock: tokyo, sessions: [work] }))).toBe(
      'Lanyard\nwork: signed in, ends 02:40, 8h 40m left',
    );
  });
});
