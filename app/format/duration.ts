/**
 * Every duration Lanyard shows, in one place: the tray and the CLI use the short form, the window
 * its countdown, notifications words. All round down, so "time left" never overstates.
 */
type Parts = { d: number; h: number; m: number; s: number };

function parts(ms: number): Parts {
  const total = Math.floor(Math.max(0, ms) / 1000);
  return {
    d: Math.floor(total / 86_400),
    h: Math.floor((total % 86_400) / 3600),
    m: Math.floor((total % 3600) / 60),
    s: total % 60,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "1d 2h", "2h 05m", "14m", "<1m" (or "12s" with `seconds`): a menu line, a tooltip, a CLI column. */
export function shortDuration(ms: number, opts: { seconds?: boolean } = {}): string {
  const { d, h, m, s } = parts(ms);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m`;
  return opts.seconds ? `${s}s` : '<1m';
}

/** "2 d 3 h", "1 h 05 m", "4 m 09 s", "12 s", "expired": the window's countdowns. */
export function countdown(ms: number): string {
  if (ms <= 0) return 'expired';
  const { d, h, m, s } = parts(ms);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${pad(m)} m`;
  if (m > 0) return `${m} m ${pad(s)} s`;
  return `${s} s`;
}

/** "5 minutes", "2 hours", "1 h 5 min": notification text, to the nearest minute, at least one. */
export function durationWords(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  if (total < 60) return `${total} minute${total === 1 ? '' : 's'}`;
  const h = Math.floor(total / 60);
  const rest = total % 60;
  return rest === 0 ? `${h} hour${h === 1 ? '' : 's'}` : `${h} h ${rest} min`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", "never". */
export function formatAgo(iso: string | undefined, now: number): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** "2 h 10 m", "45 m", "1 d 3 h", "<1 m": how far off a session's end is, next to its clock time. */
export function relativeWords(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return '<1 m';
  const totalMin = Math.floor(abs / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} m` : `${h} h`;
  return `${m} m`;
}
