import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tokenFileName } from '../../main/auth/cache-names';
import { createSignIn } from '../../main/auth/sign-in';
import { getSession } from '../../main/config/sessions';
import {
  assertCacheIntact,
  deviceLogin,
  rig,
  startSkewedEmulator,
  type Rig,
  type SkewedEmulator,
} from './support/harness';

// Fault matrix, sign-in row: the emulator misbehaves in one way per test; Lanyard must retry what is
// worth retrying, fail with a clear coded message otherwise, and leave the cache whole.
let emu: SkewedEmulator;
const rigs: Rig[] = [];
async function fresh(): Promise<Rig> {
  const r = await rig(emu);
  rigs.push(r);
  return r;
}

beforeAll(async () => {
  emu = await startSkewedEmulator({ pollIntervalSeconds: 0 });
});
afterEach(() => {
  emu.control.setFaults({});
  emu.control.setAuthorizeMode('manual');
  emu.control.resetCalls();
});
afterAll(async () => {
  await emu?.close();
  await Promise.all(rigs.map((r) => r.sb.cleanup()));
});

async function tokenFileOf(r: Rig): Promise<string | undefined> {
  const session = await getSession(r.sb.paths, 'corp');
  return readFile(r.sb.cacheFile(tokenFileName(session)), 'utf8').catch(() => undefined);
}

describe('sign-in under faults', () => {
  it('5xx now and then: retried, sign-in succeeds', async () => {
    const r = await fresh();
    emu.control.setFaults({
      serverErrorRate: 0.4,
      operations: ['CreateToken', 'StartDeviceAuthorization'],
      seed: 3,
    });
    await expect(deviceLogin(r, emu)).resolves.toMatchObject({ flow: 'device', refreshable: true });
    expect(await tokenFileOf(r)).toContain('accessToken');
  });

  it('5xx storm: a SERVICE error naming the failure after a bounded number of tries, no token file', async () => {
    const r = await fresh();
    emu.control.setFaults({ serverErrorRate: 1, operations: ['StartDeviceAuthorization'] });
    const err = await deviceLogin(r, emu).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SERVICE' });
    expect((err as Error).message).toMatch(/InternalServer|ServiceUnavailable|HTTP 50/);
    expect(emu.control.calls().StartDeviceAuthorization).toBe(3);
    expect(await tokenFileOf(r)).toBeUndefined();
    await assertCacheIntact(r.sb);
  });

  it('429 storm: THROTTLED, clear text', async () => {
    const r = await fresh();
    emu.control.setFaults({ throttleRate: 1, operations: ['StartDeviceAuthorization'] });
    await expect(deviceLogin(r, emu)).rejects.toMatchObject({ code: 'THROTTLED', message: /throttling/ });
    expect(await tokenFileOf(r)).toBeUndefined();
  });

  it('timeouts: NETWORK naming the endpoint', async () => {
    const r = await fresh();
    emu.control.setFaults({ timeoutRate: 1, operations: ['StartDeviceAuthorization'] });
    await expect(deviceLogin(r, emu)).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining(`cannot reach ${emu.url}`) as unknown,
    });
    expect(await tokenFileOf(r)).toBeUndefined();
  });

  it('malformed JSON: a SERVICE error, never a crash or a half-written file', async () => {
    const r = await fresh();
    emu.control.setFaults({ malformedRate: 1, operations: ['RegisterClient'] });
    const err = await deviceLogin(r, emu).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'LanyardError' });
    expect(['SERVICE', 'NETWORK']).toContain((err as { code: string }).code);
    expect(await assertCacheIntact(r.sb)).toEqual([]);
  });

  it('connection refused (offline): NETWORK with a hint', async () => {
    const r = await rig(emu, { endpoints: { oidc: 'http://127.0.0.1:9', portal: 'http://127.0.0.1:9' } });
    rigs.push(r);
    await expect(deviceLogin(r, emu)).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/cannot reach http:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/) as unknown,
      details: { hint: expect.stringContaining('HTTPS_PROXY') as unknown },
    });
  });

  it('declined consent (device): SIGN_IN_DENIED', async () => {
    const r = await fresh();
    await expect(deviceLogin(r, emu, { approve: 'deny' })).rejects.toMatchObject({ code: 'SIGN_IN_DENIED' });
    expect(await tokenFileOf(r)).toBeUndefined();
  });

  it('declined consent (PKCE in the browser): SIGN_IN_DENIED', async () => {
    emu.control.setAuthorizeMode('deny');
    const r = await rig(emu, {
      // The "browser": follows the authorize redirect to Lanyard's loopback listener.
      openUrl: async (url) => void (await fetch(url)),
    });
    rigs.push(r);
    await expect(r.signIn.login('corp', { flow: 'pkce' })).rejects.toMatchObject({ code: 'SIGN_IN_DENIED' });
    expect(await tokenFileOf(r)).toBeUndefined();
  });

  it('device code expires before approval: SIGN_IN_TIMED_OUT', async () => {
    const r = await fresh();
    const p = r.signIn.login('corp', {
      flow: 'device',
      openBrowser: false,
      onPrompt: () => emu.skew(601_000), // the person walks away for ten minutes
    });
    await expect(p).rejects.toMatchObject({ code: 'SIGN_IN_TIMED_OUT', message: /expired/ });
    expect(await tokenFileOf(r)).toBeUndefined();
  });

  it('expired client registration: InvalidClientException → registers again, once, and signs in', async () => {
    const r = await fresh();
    await deviceLogin(r, emu);
    emu.control.expireRegistrations();
    emu.control.resetCalls();
    await expect(deviceLogin(r, emu)).resolves.toMatchObject({ refreshable: true });
    expect(emu.control.calls().RegisterClient).toBe(1);
    await assertCacheIntact(r.sb);
  });
});

describe('slow responses', () => {
  it('150 ms on every call: sign-in completes', async () => {
    const r = await fresh();
    emu.control.setLatency(150);
    try {
      await expect(deviceLogin(r, emu)).resolves.toMatchObject({ refreshable: true });
    } finally {
      emu.control.setLatency(0);
    }
  });
});

describe('silent refresh under faults', () => {
  it.each([
    ['5xx storm', () => emu.control.setFaults({ serverErrorRate: 1, operations: ['CreateToken'] })],
    ['expired client registration', () => emu.control.expireRegistrations()],
    ['Identity Center session ended', () => emu.control.endSessions()],
    ['offline', () => undefined],
  ])(
    '%s: the still-valid token keeps working; once it expires, SESSION_EXPIRED says why',
    async (name, breakIt) => {
      let skew = 0;
      const now = () => Date.now() + skew;
      const r = await rig(emu, { now });
      rigs.push(r);
      await deviceLogin(r, emu);
      const token = await r.signIn.getAccessToken('corp');
      breakIt();
      const signIn =
        name === 'offline'
          ? createSignIn({
              paths: r.sb.paths,
              env: { ...r.sb.env, AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:9' },
              openUrl: () => Promise.resolve(),
              now,
            })
          : r.signIn;
      const before = await readFile(
        r.sb.cacheFile(tokenFileName(await getSession(r.sb.paths, 'corp'))),
        'utf8',
      );
      skew = 50 * 60_000; // ten minutes left: inside the refresh window
      expect(await signIn.getAccessToken('corp')).toBe(token);
      const [status] = await signIn.status({ refresh: false });
      expect(status).toMatchObject({ state: 'signed-in', usableUntil: expect.any(String) as unknown });
      skew = 70 * 60_000; // past the end
      const err = await signIn.getAccessToken('corp').catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'SESSION_EXPIRED',
        details: { hint: expect.stringMatching(/sign in again/i) as unknown },
      });
      expect((err as Error).message).toMatch(/expired: .+/);
      // a failed renewal never touches the file
      expect(await tokenFileOf(r)).toBe(before);
      await assertCacheIntact(r.sb);
    },
  );
});

describe('slow_down', () => {
  it('adds 5 s to the polling interval and still signs in', async () => {
    // The emulator's clock stands still, so every poll after the first two looks "too fast" (interval 1 s)
    // and gets slow_down, until the clock moves after the third poll. A lower bound on the gap is a
    // behaviour (how long Lanyard backs off), not a speed measurement.
    let clock = Date.now();
    const polls: number[] = [];
    const slow = await startSkewedEmulator({
      pollIntervalSeconds: 1,
      now: () => clock,
      onRequest: (e) => {
        if (e.operation !== 'CreateToken') return;
        polls.push(Date.now());
        if (polls.length !== 3) return;
        clock += 60_000;
        for (const d of slow.control.pendingDeviceCodes()) slow.control.approveDevice(d.userCode);
      },
    });
    try {
      const r = await rig(slow);
      rigs.push(r);
      const out = await deviceLogin(r, slow, { approve: 'none' });
      expect(out.refreshable).toBe(true);
      expect(polls.length).toBe(4);
      expect(polls[3]! - polls[2]!).toBeGreaterThanOrEqual(5_000);
    } finally {
      await slow.close();
    }
  });
});
