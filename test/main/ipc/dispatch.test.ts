import { describe, expect, it } from 'vitest';
import { createIpcDispatcher, type IpcHandlers } from '../../../main/ipc/dispatch';
import { LanyardError } from '../../../app/errors';
import { addLogSink, formatRecord } from '../../../main/log/logger';
import { defaultSettings } from '../../../app/settings/schema';

const APP = 'http://127.0.0.1:5173/index.html';
// The shell's real sender check (security-config's isTrustedSender) has its own tests in test/main/shell.
const trusted = (url: string) => url === APP;

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unused = () => Promise.reject(new Error('not used in this test'));
  const base = {
    'state.get': unused,
    'sessions.add': unused,
    'auth.signIn': unused,
    'auth.cancelSignIn': unused,
    'auth.signOut': unused,
    'auth.startFresh': unused,
    'auth.openVerification': unused,
    'auth.copyUserCode': unused,
    'signIn.currentPrompt': unused,
    'roles.get': unused,
    'roles.copyEnv': unused,
    'roles.openConsole': unused,
    'roles.prioritize': unused,
    'profiles.plan': unused,
    'profiles.apply': unused,
    'settings.update': unused,
    'favorites.toggle': unused,
  } as IpcHandlers;
  return { ...base, ...overrides };
}

describe('IPC dispatcher', () => {
  it('runs a handler with the parsed request', async () => {
    const seen: unknown[] = [];
    const dispatch = createIpcDispatcher(
      handlers({
        'settings.update': (req) => {
          seen.push(req);
          return Promise.resolve({ ...defaultSettings, ...req });
        },
      }),
      { isTrustedSender: trusted },
    );
    const r = await dispatch('settings.update', { envFormat: 'fish' }, APP);
    expect(r.ok).toBe(true);
    expect(seen).toEqual([{ envFormat: 'fish' }]);
  });

  it('refuses unknown commands, including prototype names', async () => {
    const dispatch = createIpcDispatcher(handlers(), { isTrustedSender: trusted });
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const r = await dispatch(name, {}, APP);
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('refuses untrusted senders before looking at the payload', async () => {
    let called = false;
    const dispatch = createIpcDispatcher(
      handlers({
        'state.get': () => {
          called = true;
          return Promise.reject(new Error('x'));
        },
      }),
      { isTrustedSender: trusted },
    );
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5174/',
      'file:///tmp/evil.html',
      'file:///opt/lanyard/renderer-evil/index.html',
      'not a url',
      '',
    ]) {
      const r = await dispatch('state.get', {}, url);
      expect(r, url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(called).toBe(false);
  });

  it('lists failing paths without echoing values', async () => {
    const dispatch = createIpcDispatcher(handlers(), { isTrustedSender: trusted });
    const secret = 'aoaAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAsecret';
    const r = await dispatch(
      'roles.copyEnv',
      { session: 'work', accountId: secret, roleName: '', format: 'zsh', extra: secret },
      APP,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.message).toContain('accountId');
    expect(r.error.message).toContain('roleName');
    expect(r.error.message).toContain('format');
    expect(r.error.message).toContain('extra');
    expect(r.error.message).not.toContain(secret);
    expect(r.error.message).not.toContain('zsh');
  });

  it('rejects non-object payloads', async () => {
    const dispatch = createIpcDispatcher(handlers(), { isTrustedSender: trusted });
    for (const p of ['x', 42, [], null]) {
      const r = await dispatch('auth.signIn', p, APP);
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('keeps LanyardError codes and hides other exceptions behind INTERNAL, logging redacted details', async () => {
    const lines: string[] = [];
    const stop = addLogSink((rec) => lines.push(formatRecord(rec)));
    const dispatch = createIpcDispatcher(
      handlers({
        'auth.signOut': () =>
          Promise.reject(new LanyardError('UNKNOWN_SESSION', 'No session "x".', { hint: 'Add it first.' })),
        'auth.signIn': () => Promise.reject(new Error('boom with ASIAABCDEFGHIJKLMNOP inside')),
      }),
      { isTrustedSender: trusted },
    );
    const known = await dispatch('auth.signOut', { session: 'x' }, APP);
    expect(known).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_SESSION', message: 'No session "x".', hint: 'Add it first.' },
    });
    const bug = await dispatch('auth.signIn', { session: 'x' }, APP);
    stop();
    expect(bug).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(bug)).not.toContain('boom');
    expect(lines.join('\n')).toContain('boom');
    expect(lines.join('\n')).not.toContain('ASIAABCDEFGHIJKLMNOP');
  });
});
