import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chmod, readdir, readFile, writeFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { registrationFileName, tokenFileName } from '../../../main/auth/cache-names';
import { createSignIn } from '../../../main/auth/sign-in';
import { readTokenFile } from '../../../main/auth/token-cache';
import type { SsoSession } from '../../../app/domain/session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// Token and registration files hold secrets: 0600 in a 0700 folder, whatever mode a file had before
// (botocore writes a fresh mkstemp file each time, so it always ends 0600).
const startUrl = 'https://d-1234567890.awsapps.com/start';
const config = `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const mode = async (p: string) => (await stat(p)).mode & 0o777;

let emulator: RunningEmulator;
let sandbox: Sandbox;
const clock = { offset: 0 };

beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0, now: () => Date.now() + clock.offset });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  clock.offset = 0;
  emulator.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({ config, env: emulator.env });
});
afterEach(() => sandbox.cleanup());

const signIn = () =>
  createSignIn({
    paths: sandbox.paths,
    env: sandbox.env,
    openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
  });

describe('cache file modes', () => {
  test('a 0644 token and registration become 0600 after a refresh and after a new login', async () => {
    const s = signIn();
    await s.login('corp');
    const tokenFile = sandbox.cacheFile(tokenFileName(corp));
    const regFile = sandbox.cacheFile(registrationFileName(corp));
    await chmod(tokenFile, 0o644);
    await chmod(regFile, 0o644);

    // Refresh: the access token is near expiry, the refresh token rotates.
    const before = await readTokenFile(sandbox.paths, corp);
    if (before.kind !== 'ok') throw new Error('no token');
    emulator.control.expireAccessTokens();
    clock.offset = 0;
    const s2 = createSignIn({
      paths: sandbox.paths,
      env: sandbox.env,
      openUrl: () => Promise.resolve(),
      now: () => before.token.expiresAt - 60_000,
    });
    await s2.getAccessToken('corp');
    const after = await readTokenFile(sandbox.paths, corp);
    if (after.kind !== 'ok') throw new Error('no token');
    expect(after.token.refreshToken).not.toBe(before.token.refreshToken);
    expect(await mode(tokenFile)).toBe(0o600);

    // New login with a new client registration (and so a new client secret).
    await chmod(tokenFile, 0o644);
    // The cached registration nears its end: the login registers a new client (new secret) and
    // rewrites the 0644 file in place.
    const reg = JSON.parse(await readFile(regFile, 'utf8')) as Record<string, unknown>;
    await writeFile(regFile, JSON.stringify({ ...reg, expiresAt: '2001-01-01T00:00:00Z' }));
    expect(await mode(regFile)).toBe(0o644);
    await signIn().login('corp');
    const relogged = await readTokenFile(sandbox.paths, corp);
    if (relogged.kind !== 'ok') throw new Error('no token');
    expect(relogged.token.clientSecret).not.toBe(before.token.clientSecret);
    expect(await mode(tokenFile)).toBe(0o600);
    expect(await mode(regFile)).toBe(0o600);
  });

  test('the cache folder is made 0700 (new, or found open to others)', async () => {
    await rm(join(sandbox.awsDir, 'sso'), { recursive: true });
    await signIn().login('corp');
    expect(await mode(sandbox.paths.ssoCacheDir)).toBe(0o700);
    expect(await mode(join(sandbox.awsDir, 'sso'))).toBe(0o700);

    await chmod(sandbox.paths.ssoCacheDir, 0o755);
    await signIn().login('corp');
    expect(await mode(sandbox.paths.ssoCacheDir)).toBe(0o700);
    for (const f of await readdir(sandbox.paths.ssoCacheDir))
      expect(await mode(join(sandbox.paths.ssoCacheDir, f))).toBe(0o600);
  });

  test('~/.aws/config keeps its own mode', async () => {
    await chmod(sandbox.paths.awsConfigFile, 0o644);
    const { addSsoSession } = await import('../../../main/config/sessions');
    await addSsoSession(sandbox.paths, { name: 'other', startUrl, region: 'us-east-1' });
    expect(await mode(sandbox.paths.awsConfigFile)).toBe(0o644);
  });
});
