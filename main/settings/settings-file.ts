/**
 * What a CLI run reads of settings.json, read once and without conf and zod: loading those two (with
 * ajv and semver) cost more than the rest of a `lanyard roles` run. Each field is checked on its own,
 * as the store's salvage does, and one that fails reads as unset. Reading never changes the file: the
 * settings store keeps a damaged file aside when something writes settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { roleKeyPattern } from '../../app/domain/role-key';
import {
  sessionLengthFrom,
  sessionLengthSettingOf,
  type SessionLength,
} from '../../app/schedule/session-length';

export type SettingsFile = {
  /** The session the CLI acts on when none is named; undefined when unset or not a name. */
  defaultSession(): string | undefined;
  /** Role keys (app/domain/role-key), favorites first in the window's order. */
  favorites(): string[];
  recents(): string[];
  /** The window's "Profile name template"; undefined = the planner's default. */
  profileTemplate(): string | undefined;
  sessionLength(sessionName: string): SessionLength;
};

type Raw = Record<string, unknown>;

function readRaw(dataDir: string): Raw {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Raw) : {};
  } catch {
    return {};
  }
}

const roleKeys = (v: unknown): string[] =>
  Array.isArray(v) && v.every((k) => typeof k === 'string' && roleKeyPattern.test(k)) ? (v as string[]) : [];

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;

export function settingsFile(dataDir: string): SettingsFile {
  let raw: Raw | undefined;
  const get = (key: string): unknown => {
    raw ??= readRaw(dataDir);
    return Object.hasOwn(raw, key) ? raw[key] : undefined;
  };
  return {
    defaultSession: () => text(get('defaultSession'), 200),
    favorites: () => roleKeys(get('favorites')),
    recents: () => roleKeys(get('recents')),
    profileTemplate: () => text(get('profileTemplate'), 200),
    sessionLength(name) {
      const defaults = get('sessionDefaults');
      const entry =
        defaults && typeof defaults === 'object' && Object.hasOwn(defaults, name)
          ? (defaults as Raw)[name]
          : undefined;
      return sessionLengthFrom(sessionLengthSettingOf(entry));
    },
  };
}
