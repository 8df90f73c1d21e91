import { describe, expect, it } from 'vitest';
import { envFormats } from '../../app/settings/schema';
import { envFormatList, parseLeadTimes } from '../../renderer/format';

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
