/**
 * The settings controller: reads and writes the settings store, and keeps recents and favorites.
 * Every change is announced (state.changed) and reported to `onChange` (the notices re-plan).
 */
import { LanyardError } from '../../app/errors';
import { makeRoleKey } from '../../app/domain/role-key';
import { settingsSchema, type Settings, type SettingsPatch } from '../../app/settings/schema';
import type { SettingsStore } from '../platform/types';

export type SettingsController = {
  read(): Settings;
  update(patch: SettingsPatch): Settings;
  touchRecent(session: string, accountId: string, roleName: string): void;
  toggleFavorite(session: string, accountId: string, roleName: string): Settings;
};

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

export function createSettingsController(
  store: SettingsStore,
  events: { changed(): void; onSettingsChange(): void },
): SettingsController {
  const update = (patch: SettingsPatch): Settings => {
    const next = mergeSettings(store.read(), patch);
    store.write(next);
    events.onSettingsChange();
    events.changed();
    return next;
  };
  return {
    read: () => store.read(),
    update,
    touchRecent(session, accountId, roleName) {
      store.write(withRecent(store.read(), makeRoleKey(session, accountId, roleName)));
      events.changed();
    },
    toggleFavorite(session, accountId, roleName) {
      const next = toggleFavorite(store.read(), session, accountId, roleName);
      return update({ favorites: next.favorites });
    },
  };
}
