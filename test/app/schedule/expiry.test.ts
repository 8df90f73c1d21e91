import { describe, expect, it } from 'vitest';
import { endOfUse, planNotices, type SessionEnd } from '../../../app/schedule/expiry';
import { createExpiryNotifier } from '../../../main/notify/expiry-notifier';
import { fakeClock, fakeNotifier } from '../../support/fakes';

const MIN = 60_000;

function setup(ends: SessionEnd[], leads = [30, 5]) {
  const clock = fakeClock();
  const notifier = fakeNotifier(clock);
  const actions: string[] = [];
  let current = ends;
  const n = createExpiryNotifier({
    clock,
    notifier,
    ends: () => current,
    leadMinutes: () => leads,
    onAction: (s, a) => actions.push(`${a}:${s}`),
  });
  return {
    clock,
    notifier,
    actions,
    n,
    set(e: SessionEnd[]) {
      current = e;
      n.update();
    },
  };
}

describe('endOfUse', () => {
  const at = '2030-01-01T10:00:00Z';
  it('is the token expiry when not refreshable', () => {
    expect(endOfUse({ state: 'signed-in', refreshable: false, expiresAt: at })).toBe(Date.parse(at));
  });
  it('is unknown for a refreshable session until the session end is known', () => {
    expect(endOfUse({ state: 'signed-in', refreshable: true, expiresAt: at })).toBeUndefined();
    expect(endOfUse({ state: 'signed-in', refreshable: true, expiresAt: at, usableUntil: at })).toBe(
      Date.parse(at),
    );
  });
  it('is nothing for a signed-out session', () => {
    expect(endOfUse({ state: 'signed-out', refreshable: false, expiresAt: at })).toBeUndefined();
  });
});

describe('expiry notifier', () => {
  it('notifies at exactly 30 and 5 minutes before the end, then when it ends, once each', () => {
    const t = setup([]);
    const start = t.clock.now();
    const end = start + 60 * MIN;
    t.set([{ session: 'work', endsAt: end }]);
    t.clock.advance(29 * MIN);
    expect(t.notifier.shown).toEqual([]);
    t.clock.advance(1 * MIN);
    expect(t.notifier.shown.map((s) => [s.id, s.at - start])).toEqual([['expiry:work:30', 30 * MIN]]);
    expect(t.notifier.shown[0]!.title).toBe('work: sign-in ends in 30 minutes');
    t.clock.advance(25 * MIN);
    t.clock.advance(5 * MIN);
    expect(t.notifier.shown.map((s) => [s.id, s.at - start])).toEqual([
      ['expiry:work:30', 30 * MIN],
      ['expiry:work:5', 55 * MIN],
      ['expiry:work:0', 60 * MIN],
    ]);
    t.n.update();
    t.n.replan();
    t.clock.advance(120 * MIN);
    expect(t.notifier.shown).toHaveLength(3);
    expect(t.clock.pending()).toBe(0);
  });

  it('clicks sign in again or start fresh', () => {
    const t = setup([]);
    t.set([{ session: 'work', endsAt: t.clock.now() + 31 * MIN }]);
    t.clock.advance(1 * MIN);
    t.notifier.click('expiry:work:30');
    t.clock.advance(30 * MIN);
    t.notifier.click('expiry:work:0');
    expect(t.actions).toEqual(['startFresh:work', 'signIn:work']);
    expect(t.notifier.shown.at(-1)!.actionLabel).toBe('Sign In');
  });

  it('after a clock jump past both leads, replan shows one notice (the most urgent), not a burst', () => {
    const t = setup([]);
    t.set([{ session: 'work', endsAt: t.clock.now() + 60 * MIN }]);
    t.clock.jump(57 * MIN); // asleep: no timer fired
    t.n.replan();
    expect(t.notifier.shown.map((s) => s.id)).toEqual(['expiry:work:5']);
    expect(t.notifier.shown[0]!.title).toBe('work: sign-in ends in 3 minutes');
    t.clock.advance(3 * MIN);
    expect(t.notifier.shown.map((s) => s.id)).toEqual(['expiry:work:5', 'expiry:work:0']);
  });

  it('waking long after the end stays quiet', () => {
    const t = setup([]);
    t.set([{ session: 'work', endsAt: t.clock.now() + 60 * MIN }]);
    t.clock.jump(10 * 60 * MIN);
    t.n.replan();
    expect(t.notifier.shown).toEqual([]);
  });

  it('a new sign-in (new end) warns afresh; a session with no known end makes no noise', () => {
    const t = setup([]);
    const first = t.clock.now() + 10 * MIN;
    t.set([{ session: 'work', endsAt: first }]);
    expect(t.notifier.shown.map((s) => s.id)).toEqual(['expiry:work:30']);
    t.set([]); // refreshed silently: end unknown again
    t.clock.advance(60 * MIN);
    expect(t.notifier.shown).toHaveLength(1);
    t.set([{ session: 'work', endsAt: t.clock.now() + 40 * MIN }]);
    t.clock.advance(10 * MIN);
    expect(t.notifier.shown.map((s) => s.id)).toEqual(['expiry:work:30', 'expiry:work:30']);
  });

  it('follows lead time settings and handles several sessions independently', () => {
    const t = setup([], [10]);
    const now = t.clock.now();
    t.set([
      { session: 'a', endsAt: now + 20 * MIN },
      { session: 'b', endsAt: now + 15 * MIN },
    ]);
    t.clock.advance(20 * MIN);
    expect(t.notifier.shown.map((s) => [s.id, s.at - now])).toEqual([
      ['expiry:b:10', 5 * MIN],
      ['expiry:a:10', 10 * MIN],
      ['expiry:b:0', 15 * MIN],
      ['expiry:a:0', 20 * MIN],
    ]);
  });

  it('dispose cancels the timer', () => {
    const t = setup([{ session: 'w', endsAt: Date.UTC(2030, 0, 2) }]);
    t.n.update();
    expect(t.clock.pending()).toBe(1);
    t.n.dispose();
    expect(t.clock.pending()).toBe(0);
  });

  it('plans unique keys per session, lead and end', () => {
    const keys = planNotices([{ session: 's', endsAt: 1e12 }], [30, 5, 30]).map((n) => n.key);
    expect(keys).toEqual(['s:30:1000000000000', 's:5:1000000000000', 's:0:1000000000000']);
  });
});
