import { describe, expect, test } from 'vitest';
import { observedLength } from '../../../app/schedule/observed-length';
import { planSessionEnd, type SessionEndInput } from '../../../app/schedule/session-end';
import {
  formatSessionLength,
  parseSessionLength,
  sessionLengthFrom,
} from '../../../app/schedule/session-length';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);
const signIn = { at: NOW - HOUR, estimate: false, basis: 'with Lanyard' };
const plan = (s: Partial<SessionEndInput>) =>
  planSessionEnd(
    {
      state: 'signed-in',
      refreshable: true,
      expiresAt: NOW + 50 * MIN,
      signIn,
      length: sessionLengthFrom(undefined),
      ...s,
    },
    formatSessionLength,
  );

describe('planSessionEnd', () => {
  test('a token that cannot renew ends with the token', () => {
    expect(plan({ refreshable: false })).toMatchObject({
      usableUntil: NOW + 50 * MIN,
      source: 'token',
      estimate: false,
    });
  });

  test('a renewing session ends 8 h after sign-in by default', () => {
    const p = plan({})!;
    expect(p).toMatchObject({ usableUntil: NOW + 7 * HOUR, source: 'default', estimate: false });
    expect(p.basis).toContain("8 h (Identity Center's default)");
  });

  test('a configured length and an observed one say so', () => {
    const configured = sessionLengthFrom({ sessionLengthSeconds: 12 * 3600 });
    expect(plan({ length: configured })).toMatchObject({
      usableUntil: NOW + 11 * HOUR,
      source: 'configured',
    });
    const observed = sessionLengthFrom({ sessionLengthSeconds: 2 * 3600, sessionLengthSource: 'observed' });
    expect(plan({ length: observed })).toMatchObject({ usableUntil: NOW + HOUR, source: 'observed' });
  });

  test("another tool's sign-in is an estimate", () => {
    const p = plan({ signIn: { at: NOW - 2 * HOUR, estimate: true, basis: 'from the token file' } })!;
    expect(p).toMatchObject({ usableUntil: NOW + 6 * HOUR, estimate: true, source: 'default' });
    expect(p.basis).toMatch(/^Estimated from the token file/);
  });

  test('without any record the sign-in is dated from the token and flagged as an estimate', () => {
    expect(plan({ signIn: undefined })).toMatchObject({
      usableUntil: NOW + 50 * MIN - HOUR + 8 * HOUR,
      estimate: true,
    });
  });

  test('a token issued past the planned end proves the session lasts at least that long', () => {
    const short = { seconds: 30 * 60, source: 'configured' as const };
    const p = plan({ length: short })!;
    expect(p.usableUntil).toBe(NOW + 50 * MIN);
    expect(p.basis).toContain('at least that long');
  });

  test('signed out has no end; an ended session ended by its last token at the latest', () => {
    expect(plan({ state: 'signed-out' })).toBeUndefined();
    expect(plan({ state: 'expired', expiresAt: NOW - MIN })).toMatchObject({ usableUntil: NOW - MIN });
  });
});

describe('observedLength', () => {
  const base = { signedInAt: NOW, currentSeconds: 8 * 3600 };
  test('a refusal just after a renewal, around a standard duration, is learned', () => {
    expect(
      observedLength({
        ...base,
        lastRenewedAt: NOW + 11 * HOUR + 15 * MIN,
        refusedAt: NOW + 12 * HOUR + 1 * MIN,
      }),
    ).toBe(12 * 3600);
  });

  test('a short session pinned by its capped token is learned to the minute', () => {
    expect(
      observedLength({
        ...base,
        lastRenewedAt: NOW + MIN,
        lastTokenExpiresAt: NOW + 2 * MIN,
        refusedAt: NOW + 2 * MIN + 3_000,
      }),
    ).toBe(120);
  });

  test('no renewal close to the refusal (a sign-out or revocation as likely): nothing learned', () => {
    expect(observedLength({ ...base, lastRenewedAt: NOW + HOUR, refusedAt: NOW + 5 * HOUR })).toBeUndefined();
    expect(observedLength({ ...base, refusedAt: NOW + 5 * HOUR })).toBeUndefined();
  });

  test('a narrow window with no standard duration in it and not tight: nothing learned', () => {
    expect(
      observedLength({
        ...base,
        lastRenewedAt: NOW + 2 * HOUR + 45 * MIN,
        refusedAt: NOW + 3 * HOUR + 17 * MIN,
      }),
    ).toBeUndefined();
  });

  test('agreeing with the length in use offers nothing', () => {
    expect(
      observedLength({
        ...base,
        lastRenewedAt: NOW + 7 * HOUR + 30 * MIN,
        refusedAt: NOW + 8 * HOUR + 2 * MIN,
      }),
    ).toBeUndefined();
  });
});

describe('session length text', () => {
  test('units s m h d, combined', () => {
    expect(parseSessionLength('12h')).toEqual({ seconds: 43200 });
    expect(parseSessionLength(' 1h30m ')).toEqual({ seconds: 5400 });
    expect(parseSessionLength('2m')).toEqual({ seconds: 120 });
    expect(parseSessionLength('1d')).toEqual({ seconds: 86400 });
    expect(parseSessionLength('90s')).toEqual({ seconds: 90 });
  });
  test('bad values say what to write', () => {
    expect(parseSessionLength('12')).toEqual({ error: expect.stringContaining('e.g. 12h') as unknown });
    expect(parseSessionLength('twelve hours')).toHaveProperty('error');
    expect(parseSessionLength('30s')).toEqual({
      error: expect.stringContaining('between 1m and 90d') as unknown,
    });
    expect(parseSessionLength('91d')).toHaveProperty('error');
  });
  test('formats for people', () => {
    expect(formatSessionLength(43200)).toBe('12 h');
    expect(formatSessionLength(5400)).toBe('1 h 30 m');
    expect(formatSessionLength(120)).toBe('2 m');
  });
});
