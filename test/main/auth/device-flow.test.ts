import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { CliContext } from '../../../main/cli/context';
import { main } from '../../../main/cli/main';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// A server that stays pending: the emulator's clock stands still, so its device code never expires
// there and never gets approved. Only Lanyard's own reading of `expiresIn` can end the sign-in.
// Poll counts are bounded loosely (both ways) so a loaded machine cannot make the test flake.
const startUrl = 'https://d-1234567890.awsapps.com/start';
const config = `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const frozen = Date.now();
const EXPIRES_IN = 3;

let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator({
    pollIntervalSeconds: 0,
    deviceCodeTtlSeconds: EXPIRES_IN,
    now: () => frozen,
  });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.control.resetCalls();
  emulator.control.slowDown(0);
  sandbox = await createSandbox({ config, env: emulator.env });
});
afterEach(() => sandbox.cleanup());

async function deviceLogin(): Promise<{ code: number; err: string; ms: number }> {
  let err = '';
  const ctx: CliContext = {
    paths: sandbox.paths,
    env: sandbox.env,
    stdout: { write: () => undefined },
    stderr: { write: (t) => void (err += t) },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
  };
  const started = Date.now();
  const code = await main(['login', '--session', 'corp', '--device-code', '--no-browser'], ctx);
  return { code, err, ms: Date.now() - started };
}

const polls = () => emulator.control.calls().CreateToken ?? 0;

describe('device flow against a server that stays pending', () => {
  test('interval 0 is polled at most once a second, and the sign-in stops at expiresIn with exit 4', async () => {
    const r = await deviceLogin();
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/expired before it was approved/);
    // expiresIn 3 s at one poll a second: the first poll, then about three more.
    expect(polls()).toBeGreaterThanOrEqual(2);
    expect(polls()).toBeLessThanOrEqual(6);
    expect(r.ms).toBeGreaterThanOrEqual(EXPIRES_IN * 1000 - 100);
  }, 20_000);

  test('slow_down adds 5 s to the interval', async () => {
    emulator.control.slowDown(1);
    const r = await deviceLogin();
    expect(r.code).toBe(4);
    // The first poll is told to slow down: the next would come 6 s later, after expiresIn.
    expect(polls()).toBeLessThanOrEqual(2);
  }, 20_000);
});
