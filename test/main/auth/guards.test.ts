import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { isLanyardError } from '../../../app/errors';
import { authorizeUrl, codeChallenge, makeCodeVerifier } from '../../../main/auth/pkce';
import { assertUrl } from '../../../app/policy/urls';
import { allowedOrigins } from '../../../main/aws/endpoints';
import { createSignIn } from '../../../main/auth/sign-in';
import { addLogSink, setLogLevel, type LogRecord } from '../../../main/log/logger';
import { readTokenFile } from '../../../main/auth/token-cache';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const startUrl = 'https://d-1234567890.awsapps.com/start';
let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0 });
  emulator.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({
    env: emulator.env,
    config: `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\n`,
  });
});
afterAll(async () => {
  await emulator.close();
  await sandbox.cleanup();
});

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return isLanyardError(e) ? e.code : 'not a LanyardError';
  }
}

test('only https AWS sign-in hosts, or the configured endpoint override, may be opened', () => {
  const env = {};
  const openable = (url: string, e: Record<string, string | undefined>) =>
    assertUrl(url, 'sign-in', allowedOrigins(e));
  for (const ok of [
    'https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH',
    'https://oidc.eu-west-1.amazonaws.com/authorize?x=1',
    'https://acme.portal.eu-west-1.app.aws/',
    'https://device.sso.us-east-1.amazonaws.com/',
  ])
    expect(code(() => openable(ok, env))).toBeUndefined();
  for (const bad of [
    'http://d-1234567890.awsapps.com/start',
    'https://awsapps.com.evil.example/start',
    'https://evil-amazonaws.com/',
    'https://user:pw@d-1.awsapps.com/',
    'javascript:alert(1)',
    'not a url',
    `${emulator.url}/device`,
  ])
    expect(code(() => openable(bad, env))).toBe('URL_NOT_ALLOWED');
  expect(code(() => openable(`${emulator.url}/device?user_code=X`, emulator.env))).toBeUndefined();
  expect(code(() => openable('http://127.0.0.1:1/x', emulator.env))).toBe('URL_NOT_ALLOWED');
});

test('PKCE values: 64-char verifier, S256 challenge as Python computes it, CLI-shaped authorize URL', () => {
  const v = makeCodeVerifier();
  expect(v).toMatch(/^[A-Za-z0-9._~-]{64}$/);
  const py = execFileSync(
    'python3',
    [
      '-c',
      'import sys,hashlib,base64;print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).decode().rstrip("="))',
      v,
    ],
    { encoding: 'utf8' },
  ).trim();
  expect(codeChallenge(v)).toBe(py);
  expect(
    authorizeUrl('https://oidc.us-east-1.amazonaws.com/', {
      clientId: 'cid/+=',
      redirectUri: 'http://127.0.0.1:4242/oauth/callback',
      state: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      scopes: ['sso:account:access', "x!'()*"],
      challenge: 'CHALLENGE',
    }),
  ).toBe(
    'https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=cid%2F%2B%3D' +
      '&redirect_uri=http%3A%2F%2F127.0.0.1%3A4242%2Foauth%2Fcallback&state=f81d4fae-7dec-11d0-a765-00a0c91e6bf6' +
      '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess%20x%21%27%28%29%2A&code_challenge=CHALLENGE',
  );
});

test('an unreachable endpoint is a NETWORK error that names it', async () => {
  const m = createSignIn({
    paths: sandbox.paths,
    env: { ...sandbox.env, AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:9' },
    openUrl: () => Promise.resolve(),
    http: { connectionTimeoutMs: 1_000 },
  });
  await expect(m.login('corp')).rejects.toMatchObject({
    code: 'NETWORK',
    message: expect.stringContaining('cannot reach http://127.0.0.1:9') as string,
  });
});

test('no token, secret, code or verifier reaches a log line during sign-in and renewal', async () => {
  const records: LogRecord[] = [];
  setLogLevel('debug');
  const stop = addLogSink((r) => records.push(r));
  try {
    let now = Date.now();
    const m = createSignIn({
      paths: sandbox.paths,
      env: sandbox.env,
      now: () => now,
      openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
    });
    await m.login('corp');
    now += 50 * 60_000;
    await m.getAccessToken('corp');
    const read = await readTokenFile(sandbox.paths, {
      name: 'corp',
      kind: 'sso-session',
      startUrl,
      region: 'us-east-1',
      scopes: [],
    });
    if (read.kind !== 'ok') throw new Error(read.kind);
    const secrets = [read.token.accessToken, read.token.refreshToken!, read.token.clientSecret!];
    const text = JSON.stringify(records);
    expect(records.length).toBeGreaterThan(0);
    for (const s of secrets) expect(text).not.toContain(s);
  } finally {
    stop();
    setLogLevel('info');
  }
});
