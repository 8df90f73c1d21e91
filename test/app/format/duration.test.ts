import { describe, expect, it } from 'vitest';
import { countdown, durationWords, formatAgo, shortDuration } from '../../../app/format/duration';

const min = 60_000;
const hour = 60 * min;

describe('one home for duration text', () => {
  it('short form: tray menu, tooltip and the CLI status column', () => {
    expect(shortDuration(30_000)).toBe('<1m');
    expect(shortDuration(30_000, { seconds: true })).toBe('30s');
    expect(shortDuration(14 * min + 59_000)).toBe('14m');
    expect(shortDuration(61 * min)).toBe('1h 01m');
    expect(shortDuration(26 * hour)).toBe('1d 2h');
    expect(shortDuration(-5)).toBe('<1m');
  });

  it('countdown: the window, at each scale what matters', () => {
    expect(countdown(-1)).toBe('expired');
    expect(countdown(0)).toBe('expired');
    expect(countdown(12_400)).toBe('12 s');
    expect(countdown(4 * min + 9_000)).toBe('4 m 09 s');
    expect(countdown(hour + 5 * min + 59_000)).toBe('1 h 05 m');
    expect(countdown(2 * 24 * hour + 3 * hour)).toBe('2 d 3 h');
  });

  it('words: notifications, to the nearest minute and at least one', () => {
    expect(durationWords(10_000)).toBe('1 minute');
    expect(durationWords(30 * min)).toBe('30 minutes');
    expect(durationWords(2 * hour)).toBe('2 hours');
    expect(durationWords(hour + 5 * min)).toBe('1 h 5 min');
  });

  it('ago: rounds to a human unit', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(formatAgo(undefined, now)).toBe('never');
    expect(formatAgo('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-01-01T09:00:00Z', now)).toBe('3 h ago');
  });
});
