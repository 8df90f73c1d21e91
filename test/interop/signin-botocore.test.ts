import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { tokenFileName } from '../../main/auth/cache-names';
import { createSignIn } from '../../main/auth/sign-in';
import { parseToken, readTokenFile, serializeToken, writeTokenFile } from '../../main/auth/token-cache';
import type { SsoSession } from '../../app/domain/session';
import { createSandbox, type Sandbox } from '../support/sandbox';
import { python } from './support/tools';

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
let accountId: string;
let roleName: string;

beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0, autoApprove: true });
  emulator.control.setAuthorizeMode('approve');
  const account = emulator.control.org().accounts[0]!;
  accountId = account.accountId;
  roleName = account.roles[0]!;
  sandbox = await createSandbox({
    env: emulator.env,
    config: `[profile dev]
sso_session = corp
sso_account_id = ${accountId}
sso_role_name = ${roleName}
region = us-east-2

[sso-session corp]
sso_start_url = ${startUrl}
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`,
  });
});
afterAll(async () => {
  await emulator.close();
  await sandbox.cleanup();
});

const manager = () =>
  createSignIn({
    paths: sandbox.paths,
    env: sandbox.env,
    openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
  });

const getCredentials = `
import json, botocore.session
creds = botocore.session.Session(profile='dev').get_credentials().get_frozen_credentials()
print(json.dumps({"accessKeyId": creds.access_key}))
`;

test("botocore resolves role credentials from Lanyard's sign-in", async () => {
  await manager().login('corp');
  const run = await python(getCredentials, sandbox.env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const { accessKeyId } = JSON.parse(run.stdout) as { accessKeyId: string };
  expect(emulator.control.issuedRoleCredentials()).toContainEqual({ accessKeyId, accountId, roleName });
});

test('after botocore renews a near-expiry token and rewrites the cache, Lanyard uses that token', async () => {
  const m = manager();
  await m.login('corp');
  const read = await readTokenFile(sandbox.paths, corp);
  if (read.kind !== 'ok') throw new Error(read.kind);
  // Ten minutes left: inside botocore's mandatory refresh window.
  await writeTokenFile(sandbox.paths, corp, { ...read.token, expiresAt: Date.now() + 10 * 60_000 - 5_000 });
  emulator.control.resetCalls();

  const run = await python(getCredentials, sandbox.env);
  expect(run.code).toBe(0);
  expect(emulator.control.calls().CreateToken).toBe(1);
  const text = await readFile(sandbox.cacheFile(tokenFileName(corp)), 'utf8');
  const rewritten = JSON.parse(text) as Record<string, string>;
  expect(rewritten.accessToken).not.toBe(read.token.accessToken);
  // botocore writes the same layout Lanyard does.
  expect(Object.keys(rewritten)).toEqual([
    'startUrl',
    'region',
    'accessToken',
    'expiresAt',
    'clientId',
    'clientSecret',
    'registrationExpiresAt',
    'refreshToken',
  ]);

  // Byte for byte: Lanyard's writer would have written exactly what botocore did.
  const parsed = parseToken(rewritten);
  if ('reason' in parsed) throw new Error(parsed.reason);
  expect(serializeToken(parsed.token)).toBe(text);

  const token = await m.getAccessToken('corp');
  expect(token).toBe(rewritten.accessToken);
  expect(emulator.control.calls().CreateToken).toBe(1);
  const portal = new SSOClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
  });
  const accounts = await portal.send(new ListAccountsCommand({ accessToken: token }));
  expect(accounts.accountList?.length).toBeGreaterThan(0);
  portal.destroy();
});
