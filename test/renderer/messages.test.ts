import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../app/errors';
import { sessionMessage, windowMessages, type SessionFacts } from '../../renderer/messages';

const now = Date.parse('2026-11-27T12:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();

// Every combination of the facts a session's message depends on.
const states = ['signed-in', 'signed-out', 'expired'] as const;
const signingIn = [false, true];
const ends = {
  renews: { refreshable: true, expiresAt: at(3_600_000) },
  'ends in 7 h': { refreshable: true, expiresAt: at(3_600_000), usableUntil: at(7 * 3_600_000) },
  'ends in 9 m': { refreshable: false, expiresAt: at(9 * 60_000) },
  'ended 1 m ago': { refreshable: false, expiresAt: at(-60_000) },
} as const;
const listings = {
  idle: undefined,
  listing: { sessionName: 'acme', phase: 'roles', accountsDone: 3, accountsTotal: 9, throttled: false },
  throttled: { sessionName: 'acme', phase: 'roles', accountsDone: 3, accountsTotal: 9, throttled: true },
} as const;
const errors: (ErrorCode | undefined)[] = [undefined, 'NETWORK', 'SESSION_EXPIRED'];

function* combinations() {
  for (const state of states)
    for (const si of signingIn)
      for (const [endName, end] of Object.entries(ends))
        for (const [listingName, listing] of Object.entries(listings))
          for (const code of errors)
            for (const hasRoles of [false, true])
              for (const online of [true, false]) {
                const facts: SessionFacts = {
                  name: 'acme',
                  state,
                  signingIn: si,
                  ...end,
                  ...(listing ? { listing } : {}),
                  ...(code ? { listingError: { code, message: 'The portal said no.' } } : {}),
                  rolesFetchedAt: at(-3 * 3_600_000),
                  hasRoles,
                };
                const label = `${state}${si ? ' signing in' : ''}, ${endName}, ${listingName}, error ${code ?? 'none'}, ${hasRoles ? 'roles' : 'no roles'}, ${online ? 'online' : 'offline'}`;
                yield { facts, online, label };
              }
}

describe('sessionMessage over every combination', () => {
  const all = [...combinations()];
  it('covers the whole space', () => expect(all.length).toBe(3 * 2 * 4 * 3 * 3 * 2 * 2));

  it('gives one sentence and at most one action', () => {
    for (const c of all) {
      const m = sessionMessage(c.facts, now, c.online);
      if (!m) continue;
      // One plain sentence (a server message may add its own), never a stutter of repeated verdicts.
      expect(m.text, c.label).toMatch(/^[A-Z].*[.!]$/);
      expect(m.text.match(/sign in again/gi)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(m.text).not.toMatch(/ends in .* ended|ended .* ends in/);
      if (m.action) expect(m.action.label).not.toBe('');
      // A message that hides the only way back cannot be dismissed.
      if (m.tone === 'error' && m.action?.kind === 'signIn') expect(m.dismissable, c.label).toBe(false);
    }
  });

  it('says what the state is, with one precedence', () => {
    for (const c of all) {
      const f = c.facts;
      const m = sessionMessage(f, now, c.online);
      const ended =
        f.state === 'expired' ||
        (f.state === 'signed-in' && !f.refreshable && Date.parse(f.expiresAt!) < now);
      if (f.signingIn) expect(m?.action?.kind).toBe('showSignIn');
      else if (ended) expect(m).toMatchObject({ tone: 'error', text: 'Your acme session has ended.' });
      else if (f.state === 'signed-out') expect(m?.action?.kind).toBe('signIn');
      else if (f.listing && f.listingError) expect(m?.text ?? '').not.toContain('Could not list');
      else if (f.listingError && !(f.listingError.code === 'NETWORK' && !c.online))
        expect(m?.action?.kind).toBe('retry');
      else if (f.usableUntil === undefined && !f.refreshable) expect(m?.key).toBe('acme:ending');
      else if (f.listing?.throttled) expect(m?.key).toBe('acme:throttled');
      else expect(m, c.label).toBeUndefined();
    }
  });
});

describe('windowMessages', () => {
  const troubled: SessionFacts = {
    name: 'acme',
    state: 'signed-in',
    signingIn: false,
    refreshable: false,
    expiresAt: at(9 * 60_000),
    listing: listings.throttled,
    listingError: { code: 'NETWORK', message: 'Could not reach the portal.' },
    hasRoles: true,
  };

  it('never says "listing failed" and "carries on" together, nor signed in next to ended', () => {
    const texts = windowMessages([troubled], false, [], now, new Set()).map((m) => m.text);
    expect(texts).toEqual([
      'You are offline: showing saved roles until the network is back.',
      'Your acme session ends in 9 m 00 s.',
    ]);
    const ended = windowMessages([{ ...troubled, state: 'expired' }], true, [], now, new Set());
    expect(ended.map((m) => m.text)).toEqual(['Your acme session has ended.']);
  });

  it('keeps a dismissed message dismissed until its state changes', () => {
    const first = windowMessages([troubled], true, [], now, new Set());
    const dismissed = new Set(first.filter((m) => m.dismissable).map((m) => m.key));
    // A minute later the countdown text changed, but not the state: still dismissed.
    expect(windowMessages([troubled], true, [], now + 60_000, dismissed)).toEqual([]);
    // The session ended: a new state, so a new message.
    const later = windowMessages([troubled], true, [], now + 10 * 60_000, dismissed);
    expect(later.map((m) => m.key)).toEqual(['acme:expired']);
  });

  it('puts errors first and gives each session its own message', () => {
    const other: SessionFacts = {
      name: 'gov',
      state: 'signed-out',
      signingIn: false,
      refreshable: false,
      hasRoles: false,
    };
    const ms = windowMessages([other, { ...troubled, state: 'expired' }], true, ['bad line'], now, new Set());
    expect(ms.map((m) => m.key)).toEqual(['acme:expired', 'warning:bad line', 'gov:signed-out']);
  });
});
