/**
 * "ends 17:40, in 2 h 10 m" / "ended 09:12, 5 m ago": how the CLI, the tray and the window say when
 * a session ends. Pure: the caller passes the local clock-time formatter (Intl in Node and Chromium).
 */
import { relativeWords } from '../format/duration';

export type ClockText = (epochMs: number, withDate: boolean) => string;

/** The local clock time, with the date when the end is not within the next (or last) day. */
export function endText(endsAt: number, now: number, clock: ClockText): string {
  const at = endClockText(endsAt, now, clock);
  return endsAt > now
    ? `${at}, in ${relativeWords(endsAt - now)}`
    : `${at}, ${relativeWords(now - endsAt)} ago`;
}

/** "ends 17:40" / "ended 09:12" alone, for short places: tray tooltips are cut at about 127 characters. */
export function endClockText(endsAt: number, now: number, clock: ClockText): string {
  const at = clock(endsAt, Math.abs(endsAt - now) >= 20 * 3_600_000);
  return endsAt > now ? `ends ${at}` : `ended ${at}`;
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
