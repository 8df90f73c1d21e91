/**
 * The session length setting (per session, in Lanyard's settings): read for the end-of-session
 * plan, written by `lanyard sessions set --session-length` and the window's "Remember?".
 */
import type { Settings } from '../../app/settings/schema';
import {
  sessionLengthFrom,
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
