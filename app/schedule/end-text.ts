/**
 * "ends 17:40, in 2 h 10 m" / "ended 09:12, 5 m ago": how the CLI, the tray and the window say when
 * a session ends. Pure: the caller passes the local clock-time formatter (Intl in Node and Chromium).
 */

/** "2 h 10 m", "45 m", "1 d 3 h", "<1 m". */
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

export type ClockText = (epochMs: number, withDate: boolean) => string;

/** The local clock time, with the date when the end is not within the next (or last) day. */
export function endText(endsAt: number, now: number, clock: ClockText): string {
  const withDate = Math.abs(endsAt - now) >= 20 * 3_600_000;
  const at = clock(endsAt, withDate);
  return endsAt > now
    ? `ends ${at}, in ${relativeWords(endsAt - now)}`
    : `ended ${at}, ${relativeWords(now - endsAt)} ago`;
}

/** A ClockText on Intl: 24-hour "17:40", or "Nov 28 17:40" with the date. */
export const intlClock =
  (locale?: string, timeZone?: string): ClockText =>
  (t, withDate) =>
    new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withDate ? { month: 'short', day: 'numeric' } : {}),
      ...(timeZone ? { timeZone } : {}),
    }).format(t);
