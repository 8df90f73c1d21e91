import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createSignIn } from '../../../main/auth/sign-in';
import { openLoopback } from '../../../main/auth/loopback';
import { isLanyardError } from '../../../app/errors';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// Any local process (or a web page that guesses the port) can call the loopback listener. Only an
// answer that carries the state Lanyard generated may end the sign-in.
const startUrl = 'https://d-1234567890.awsapps.com/start';
const config = `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;

let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator({});
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({ config, env: emulator.env });
});
afterEach(() => sandbox.cleanup());

describe('PKCE loopback callback', () => {
  test('callbacks without the right state are answered and ignored; the real one still signs in', async () => {
    const forged: { status: number; text: string }[] = [];
    const signIn = createSignIn({
      paths: sandbox.paths,
      env: sandbox.env,
      openUrl: async (url) => {
        const redirect = new URL(url).searchParams.get('redirect_uri')!;
        const state = new URL(url).searchParams.get('state')!;
        for (const query of [
          '?error=x',
          '?error=access_denied&state=wrong',
          '?code=stolen&state=wrong',
          '?code=stolen',
          `?state=${state}x&code=c`,
        ]) {
          const r = await fetch(redirect + query);
          forged.push({ status: r.status, text: await r.text() });
        }
        await fetch(url, { redirect: 'follow' });
      },
    });
    const result = await signIn.login('corp');
    expect(result).toBeTruthy();
    expect(forged).toHaveLength(5);
    for (const f of forged) {
      expect(f.status).toBe(400);
      expect(f.text).toMatch(/does not belong to the sign-in Lanyard started/);
    }
    const [status] = await signIn.status({ refresh: false });
    expect(status?.state).toBe('signed-in');
  });

  test('an error that carries the right state still ends the sign-in', async () => {
    const loopback = await openLoopback('s-1', { timeoutMs: 60_000 });
    try {
      const r = await fetch(`${loopback.redirectUri}?error=access_denied&state=s-1`);
      expect(r.status).toBe(400);
      const err = await loopback.code.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isLanyardError(err) && err.code).toBe('SIGN_IN_DENIED');
    } finally {
      loopback.close();
    }
  });

  test('after a forged callback the listener keeps waiting until the real code comes', async () => {
    const loopback = await openLoopback('s-2', { timeoutMs: 60_000 });
    try {
      expect((await fetch(`${loopback.redirectUri}?error=x`)).status).toBe(400);
      expect((await fetch(`${loopback.redirectUri}?code=c&state=s-2`)).status).toBe(200);
      expect(await loopback.code).toBe('c');
    } finally {
      loopback.close();
    }
  });
});
