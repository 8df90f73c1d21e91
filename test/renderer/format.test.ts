import { describe, expect, it } from 'vitest';
import { envFormats } from '../../app/settings/schema';
import { envFormatList, formatAgo, formatRemaining, parseLeadTimes } from '../../renderer/format';

describe('formatRemaining', () => {
  it('says what matters at each scale', () => {
    expect(formatRemaining(-1)).toBe('expired');
    expect(formatRemaining(12_400)).toBe('12 s');
    expect(formatRemaining(4 * 60_000 + 9_000)).toBe('4 m 09 s');
    expect(formatRemaining(3_600_000 + 5 * 60_000 + 59_000)).toBe('1 h 05 m');
    expect(formatRemaining(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 d 3 h');
  });
});

describe('formatAgo', () => {
  it('rounds to a human unit', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(formatAgo(undefined, now)).toBe('never');
    expect(formatAgo('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-01-01T09:00:00Z', now)).toBe('3 h ago');
  });
});

describe('parseLeadTimes', () => {
  it('accepts minutes 1..240, dedupes and sorts longest first', () => {
    expect(parseLeadTimes('5, 30 30')).toEqual({ ok: true, value: [30, 5] });
    expect(parseLeadTimes('')).toEqual({ ok: true, value: [] });
  });
  it('explains what is wrong', () => {
    const zero = parseLeadTimes('0');
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.message).toContain('1 to 240');
    expect(parseLeadTimes('2.5')).toMatchObject({ ok: false });
    expect(parseLeadTimes('1,2,3,4,5,6')).toMatchObject({ ok: false, message: 'At most 5 reminders.' });
  });
});

it('offers every env format the settings schema knows', () => {
  expect([...envFormatList].sort()).toEqual([...envFormats].sort());
});
