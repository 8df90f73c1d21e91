/**
 * How long an Identity Center session lasts once signed in: where the length comes from, and the
 * `12h` / `90m` text the CLI and the window accept. Pure.
 */

/** Identity Center's default session duration. */
export const DEFAULT_SESSION_LENGTH_SECONDS = 8 * 3600;
/** Identity Center allows 15 minutes to 90 days; a minute is the floor so a test stand-in can be short. */
export const MIN_SESSION_LENGTH_SECONDS = 60;
export const MAX_SESSION_LENGTH_SECONDS = 90 * 86400;

export type SessionLengthSource = 'default' | 'configured' | 'observed';
export type SessionLength = { seconds: number; source: SessionLengthSource };

/** The per-session settings fields this module reads (app/settings/schema sessionDefaults entry). */
export type SessionLengthSetting = {
  sessionLengthSeconds?: number;
  sessionLengthSource?: 'configured' | 'observed';
};

/**
 * A sessionDefaults entry read as raw JSON (the CLI reads settings.json without zod, to start fast):
 * only the length fields, and only values settingsSchema would accept; anything else is no setting.
 */
export function sessionLengthSettingOf(raw: unknown): SessionLengthSetting | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { sessionLengthSeconds: seconds, sessionLengthSource: source } = raw as Record<string, unknown>;
  if (
    typeof seconds !== 'number' ||
    !Number.isInteger(seconds) ||
    seconds < MIN_SESSION_LENGTH_SECONDS ||
    seconds > MAX_SESSION_LENGTH_SECONDS
  )
    return undefined;
  if (source !== undefined && source !== 'configured' && source !== 'observed') return undefined;
  return { sessionLengthSeconds: seconds, ...(source ? { sessionLengthSource: source } : {}) };
}

export function sessionLengthFrom(setting: SessionLengthSetting | undefined): SessionLength {
  const seconds = setting?.sessionLengthSeconds;
  if (seconds === undefined) return { seconds: DEFAULT_SESSION_LENGTH_SECONDS, source: 'default' };
  return { seconds, source: setting?.sessionLengthSource ?? 'configured' };
}

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "12h", "90m", "1d", "1h30m" → seconds; otherwise an error in words for the person. */
export function parseSessionLength(text: string): { seconds: number } | { error: string } {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const bad = {
    error: `"${text}" is not a session length: use a number with a unit s, m, h or d, e.g. 12h, 90m, 1d.`,
  };
  if (!/^(\d+[smhd])+$/.test(t)) return bad;
  let seconds = 0;
  for (const m of t.matchAll(/(\d+)([smhd])/g)) seconds += Number(m[1]) * units[m[2]!]!;
  if (seconds < MIN_SESSION_LENGTH_SECONDS || seconds > MAX_SESSION_LENGTH_SECONDS)
    return { error: `A session length must be between 1m and 90d (got ${text.trim()}).` };
  return { seconds };
}

/** Seconds → "12 h", "1 h 30 m", "2 m", "1 d": what the CLI and the window print. */
export function formatSessionLength(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.length ? parts.join(' ') : '0 s';
}
