import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fromSso } from '@aws-sdk/token-providers';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import type { SsoSession } from '../../app/domain/session';
import { tokenFileName } from '../../main/auth/cache-names';
import { createSignIn } from '../../main/auth/sign-in';
import { readTokenFile, writeTokenFile } from '../../main/auth/token-cache';
import { createSandbox, type Sandbox } from '../support/sandbox';

const startUrl = 'https://d-1234567890.awsapps.com/start';
const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
let emulator: RunningEmulator;
let sandbox: Sandbox;
const saved = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0 });
  emulator.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({
    env: emulator.env,
    config: `[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\n\n[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
  });
  // The JS SDK reads HOME and the endpoint variables from process.env only (this file runs in its own worker).
  Object.assign(process.env, sandbox.env);
});
afterAll(async () => {
  process.env = saved;
  await emulator.close();
  await sandbox.cleanup();
});

test("the JS SDK uses Lanyard's token, and Lanyard reads the file the SDK rewrites on refresh", async () => {
  const m = createSignIn({
    paths: sandbox.paths,
    env: sandbox.env,
    openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
  });
  await m.login('corp');
  const ours = await m.getAccessToken('corp');
  const sdkToken = await fromSso({ profile: 'dev', ignoreCache: true })();
  expect(sdkToken.token).toBe(ours);

  // Four minutes left: inside the SDK's 5-minute window, so it refreshes and rewrites the file its way.
  const read = await readTokenFile(sandbox.paths, corp);
  if (read.kind !== 'ok') throw new Error(read.kind);
  await writeTokenFile(sandbox.paths, corp, { ...read.token, expiresAt: Date.now() + 4 * 60_000 });
  const renewed = await fromSso({ profile: 'dev', ignoreCache: true })();
  expect(renewed.token).not.toBe(ours);
  const text = await readFile(sandbox.cacheFile(tokenFileName(corp)), 'utf8');
  expect(text).toContain('\n  "accessToken"');
  expect(text).toMatch(/"expiresAt": "[^"]+\.\d{3}Z"/);
  expect(await m.getAccessToken('corp')).toBe(renewed.token);
});
