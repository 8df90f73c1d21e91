import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { fakeClock, ssoClient } from './helpers';

const clock = fakeClock();
let emu: RunningEmulator;
let session: { sessionId: string; sessionKey: string; sessionToken: string };
const destination = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now, roleCredentialsTtlSeconds: 3600 });
  const sso = ssoClient(emu.url);
  const account = emu.control.org().accounts[0]!;
  const r = await sso.send(
    new GetRoleCredentialsCommand({
      accessToken: emu.control.issueToken().accessToken,
      accountId: account.accountId,
      roleName: account.roles[0],
    }),
  );
  sso.destroy();
  const c = r.roleCredentials!;
  session = { sessionId: c.accessKeyId!, sessionKey: c.secretAccessKey!, sessionToken: c.sessionToken! };
});
afterAll(() => emu.close());

const getToken = (s: object, extra = '') =>
  fetch(
    `${emu.url}/federation?Action=getSigninToken${extra}&Session=${encodeURIComponent(JSON.stringify(s))}`,
  );
const login = (token: string) =>
  fetch(
    `${emu.url}/federation?Action=login&Issuer=${encodeURIComponent('https://d-0000000000.awsapps.com/start')}&Destination=${encodeURIComponent(destination)}&SigninToken=${encodeURIComponent(token)}`,
    { redirect: 'manual' },
  );

test('getSigninToken (GET) then login → 302 to the Destination; both recorded in calls()', async () => {
  emu.control.resetCalls();
  const res = await getToken(session, '&SessionDuration=43200');
  expect(res.status).toBe(200);
  const { SigninToken } = (await res.json()) as { SigninToken: string };
  const out = await login(SigninToken);
  expect(out.status).toBe(302);
  expect(out.headers.get('location')).toBe(destination);
  expect(emu.control.calls()).toMatchObject({ GetSigninToken: 1, FederationLogin: 1 });
});

test('getSigninToken as a POST form works too', async () => {
  const res = await fetch(`${emu.url}/federation`, {
    method: 'POST',
    body: new URLSearchParams({
      Action: 'getSigninToken',
      SessionDuration: '900',
      Session: JSON.stringify(session),
    }),
  });
  expect(res.status).toBe(200);
});

test('foreign credentials, bad SessionDuration and expired credentials are 400', async () => {
  expect((await getToken({ ...session, sessionKey: 'wrong' })).status).toBe(400);
  expect((await getToken(session, '&SessionDuration=899')).status).toBe(400);
  expect((await getToken(session, '&SessionDuration=43201')).status).toBe(400);
  expect((await fetch(`${emu.url}/federation?Action=getSigninToken&Session=notjson`)).status).toBe(400);
  expect((await login('not-a-token')).status).toBe(400);
});

test('a sign-in token older than 15 minutes no longer logs in', async () => {
  const { SigninToken } = (await (await getToken(session)).json()) as { SigninToken: string };
  clock.advance(15 * 60_000 + 1);
  expect((await login(SigninToken)).status).toBe(400);
  clock.advance(3600_000);
  expect((await getToken(session)).status).toBe(400);
});

test('the console sign-out Lanyard puts first forwards to the federation login, and only to safe places', async () => {
  const sso = ssoClient(emu.url);
  const account = emu.control.org().accounts[0]!;
  const { roleCredentials: c } = await sso.send(
    new GetRoleCredentialsCommand({
      accessToken: emu.control.issueToken().accessToken,
      accountId: account.accountId,
      roleName: account.roles[0],
    }),
  );
  sso.destroy();
  const fresh = {
    sessionId: c!.accessKeyId!,
    sessionKey: c!.secretAccessKey!,
    sessionToken: c!.sessionToken!,
  };
  const token = (await (await getToken(fresh)).json()) as { SigninToken: string };
  const loginUrl = `${emu.url}/federation?Action=login&Destination=${encodeURIComponent(destination)}&SigninToken=${encodeURIComponent(token.SigninToken)}`;
  const out = await fetch(`${emu.url}/oauth?Action=logout&redirect_uri=${encodeURIComponent(loginUrl)}`, {
    redirect: 'manual',
  });
  expect(out.status).toBe(302);
  expect(out.headers.get('location')).toBe(loginUrl);
  const console = await fetch(out.headers.get('location')!, { redirect: 'manual' });
  expect(console.headers.get('location')).toBe(destination);

  const hostile = ['javascript:alert(1)', 'http://evil.example/', 'not a url'];
  for (const next of hostile) {
    const r = await fetch(`${emu.url}/oauth?Action=logout&redirect_uri=${encodeURIComponent(next)}`, {
      redirect: 'manual',
    });
    expect(r.status, next).toBe(400);
  }
  expect((await fetch(`${emu.url}/oauth?Action=other`, { redirect: 'manual' })).status).toBe(400);
});
