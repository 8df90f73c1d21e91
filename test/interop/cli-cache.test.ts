import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { rm } from 'node:fs/promises';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import type { SsoSession } from '../../app/domain/session';
import { createPortal } from '../../main/accounts/portal';
import { writeTokenFile } from '../../main/auth/token-cache';
import { cliCacheDir } from '../../main/credentials/cli-cache';
import { createCredentialStore } from '../../main/credentials/role-credentials';
import { createSandbox, type Sandbox } from '../support/sandbox';
import { emulatorTokenSource } from '../support/portal-session';
import { awsCli, python } from './support/tools';

const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};

let emulator: RunningEmulator;
let sandbox: Sandbox;
let accountId: string;
let roleName: string;

beforeAll(async () => {
  emulator = await startEmulator({});
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
sso_start_url = ${corp.startUrl}
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`,
  });
  // A signed-in session both tools can use, without a sign-in flow.
  const t = emulator.control.issueToken({ refreshable: true });
  await writeTokenFile(sandbox.paths, corp, {
    startUrl: corp.startUrl,
    region: 'us-east-1',
    accessToken: t.accessToken,
    expiresAt: t.expiresAt,
    clientId: t.clientId,
    clientSecret: t.clientSecret,
    registrationExpiresAt: Date.now() + 80 * 86_400_000,
    refreshToken: t.refreshToken,
  });
});
afterAll(async () => {
  await emulator.close();
  await sandbox.cleanup();
});
beforeEach(async () => {
  await rm(cliCacheDir(sandbox.paths), { recursive: true, force: true });
  emulator.control.resetCalls();
});

const lanyardStore = () =>
  createCredentialStore(
    createPortal({
      tokenSource: emulatorTokenSource(emulator.control),
      endpoints: { portal: emulator.url },
      env: {},
    }),
    Date.now,
    { cliCache: sandbox.paths },
  );

// What the AWS CLI does at start-up (awscli/customizations/sso): the SSO provider gets a file cache.
const botocoreWithCliCache = `
import json, os, botocore.session
from botocore.utils import JSONFileCache
s = botocore.session.Session(profile='dev')
sso = s.get_component('credential_provider').get_provider('sso')
sso.cache = JSONFileCache(os.path.expanduser(os.path.join('~', '.aws', 'cli', 'cache')))
c = s.get_credentials().get_frozen_credentials()
print(json.dumps({"accessKeyId": c.access_key, "secretAccessKey": c.secret_key}))
`;

test('botocore uses the credentials Lanyard cached, without calling GetRoleCredentials', async () => {
  const mine = await lanyardStore().get(corp, accountId, roleName);
  expect(emulator.control.calls().GetRoleCredentials).toBe(1);
  const run = await python(botocoreWithCliCache, sandbox.env);
  expect(run.stderr).toBe('');
  const theirs = JSON.parse(run.stdout) as { accessKeyId: string; secretAccessKey: string };
  expect(theirs).toEqual({ accessKeyId: mine.accessKeyId, secretAccessKey: mine.secretAccessKey });
  expect(emulator.control.calls().GetRoleCredentials).toBe(1);
});

test('the real AWS CLI v2 exports the credentials Lanyard cached, with no network at all', async () => {
  const mine = await lanyardStore().get(corp, accountId, roleName);
  // No endpoint variables: a cache hit must not need Identity Center.
  const env = { ...sandbox.env };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_ENDPOINT_URL')) delete env[k];
  const run = await awsCli(['configure', 'export-credentials', '--profile', 'dev', '--format', 'env'], env);
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain(`export AWS_ACCESS_KEY_ID=${mine.accessKeyId}`);
  expect(emulator.control.calls().GetRoleCredentials).toBe(1);
});

test('Lanyard uses the credentials botocore fetched and cached, without calling GetRoleCredentials', async () => {
  const run = await python(botocoreWithCliCache, sandbox.env);
  expect(run.stderr).toBe('');
  const theirs = JSON.parse(run.stdout) as { accessKeyId: string };
  expect(emulator.control.calls().GetRoleCredentials).toBe(1);
  const mine = await lanyardStore().get(corp, accountId, roleName);
  expect(mine.accessKeyId).toBe(theirs.accessKeyId);
  expect(emulator.control.calls().GetRoleCredentials).toBe(1);
});
