/**
 * The shared parts of the desktop core that handlers, the tray and timers all use.
 */
import { LanyardError, isLanyardError } from '../../app/errors';
import { makeRoleKey } from '../../app/domain/role-key';
import { settingsSchema, type Settings, type SettingsPatch } from '../../app/settings/schema';
import type { ProfilesPlan } from '../config/profiles';
import type { Platform } from '../platform/types';
import type { ClipboardGuard } from './clipboard-guard';
import type { Listings } from './listing';
import type { DesktopServices } from './services';
import type { CoreState } from './state';

export type CoreContext = {
  state: CoreState;
  services: DesktopServices;
  platform: Platform;
  clipboard: ClipboardGuard;
  listings: Listings;
  plans: Map<string, ProfilesPlan>;
  /** Marks the network as up or down from the outcome of a call. */
  track<T>(p: Promise<T>): Promise<T>;
  settings(): Settings;
  updateSettings(patch: SettingsPatch): Settings;
  touchRecent(session: string, accountId: string, roleName: string): void;
  /** Re-reads sign-in state from the token files (and renews near-expiry tokens when `refresh`). */
  refreshStatus(refresh?: boolean): Promise<void>;
  /** Starts a sign-in in the background; prompts and the outcome arrive as events. */
  beginSignIn(session: string, fresh: boolean, flow?: 'pkce' | 'device'): void;
  cancelSignIn(session: string): void;
};

/** Network outcomes decide the offline banner: a NETWORK error sets it, any success clears it. */
export function networkTracker(onChange: (online: boolean) => void) {
  let online = true;
  const set = (next: boolean) => {
    if (next === online) return;
    online = next;
    onChange(next);
  };
  return {
    async track<T>(p: Promise<T>): Promise<T> {
      try {
        const v = await p;
        set(true);
        return v;
      } catch (e) {
        if (isLanyardError(e) && e.code === 'NETWORK') set(false);
        throw e;
      }
    },
    get online() {
      return online;
    },
  };
}

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const parsed = settingsSchema.safeParse({ ...current, ...patch });
  if (!parsed.success)
    throw new LanyardError('BAD_INPUT', 'Those settings are not valid; nothing was saved.');
  return parsed.data;
}

export function withRecent(settings: Settings, key: string): Settings {
  return { ...settings, recents: [key, ...settings.recents.filter((k) => k !== key)].slice(0, 10) };
}

export function toggleFavorite(
  settings: Settings,
  session: string,
  accountId: string,
  roleName: string,
): Settings {
  const key = makeRoleKey(session, accountId, roleName);
  const favorites = settings.favorites.includes(key)
    ? settings.favorites.filter((k) => k !== key)
    : [...settings.favorites, key];
  if (favorites.length > 500) throw new LanyardError('BAD_INPUT', 'Lanyard keeps at most 500 favorites.');
  return { ...settings, favorites };
}
