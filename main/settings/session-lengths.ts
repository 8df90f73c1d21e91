/**
 * The session length setting (per session, in Lanyard's settings): read for the end-of-session
 * plan, written by `lanyard sessions set --session-length` and the window's "Remember?".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../app/settings/schema';
import {
  sessionLengthFrom,
  sessionLengthSettingOf,
  type SessionLength,
  type SessionLengthSetting,
} from '../../app/schedule/session-length';

export function sessionLengthIn(settings: Settings, sessionName: string): SessionLength {
  return sessionLengthFrom(settings.sessionDefaults[sessionName]);
}

/** `seconds` undefined goes back to Identity Center's default. The region and other fields stay. */
export function withSessionLength(
  settings: Settings,
  sessionName: string,
  seconds: number | undefined,
  source: NonNullable<SessionLengthSetting['sessionLengthSource']>,
): Settings {
  const {
    sessionLengthSeconds: _s,
    sessionLengthSource: _src,
    ...rest
  } = settings.sessionDefaults[sessionName] ?? {};
  const entry =
    seconds === undefined ? rest : { ...rest, sessionLengthSeconds: seconds, sessionLengthSource: source };
  return { ...settings, sessionDefaults: { ...settings.sessionDefaults, [sessionName]: entry } };
}

/**
 * Session lengths straight from settings.json, read once: what the CLI needs of the settings to
 * plan session ends, without loading conf and zod (a third of a `lanyard status` run). A damaged
 * file reads as no setting here; the settings store keeps it aside when something writes settings.
 */
export function sessionLengthsFromFile(dataDir: string): (sessionName: string) => SessionLength {
  let defaults: Record<string, unknown> | undefined;
  const load = (): Record<string, unknown> => {
    try {
      const raw: unknown = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
      const d = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).sessionDefaults : undefined;
      return d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  return (name) => {
    defaults ??= load();
    const entry = Object.hasOwn(defaults, name) ? defaults[name] : undefined;
    return sessionLengthFrom(sessionLengthSettingOf(entry));
  };
}
