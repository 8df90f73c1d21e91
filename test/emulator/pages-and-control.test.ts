import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { errorName, oidcClient } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ pollIntervalSeconds: 0 });
});
afterAll(() => emu.close());

async function startDevice() {
  const oidc = oidcClient(emu.url);
  const c = await oidc.send(new RegisterClientCommand({ clientName: 'page-test <b>', clientType: 'public' }));
  const d = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      startUrl: 'https://d-0000000000.awsapps.com/start',
    }),
  );
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: d.deviceCode,
      }),
    );
  return { d, poll, done: () => oidc.destroy() };
}

test('verification page: escaped client name, Approve form POST, then the poll succeeds', async () => {
  const { d, poll, done } = await startDevice();
  const page = await fetch(d.verificationUriComplete!);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  const html = await page.text();
  expect(html).toContain(d.userCode);
  expect(html).toContain('page-test &#60;b&#62;');
  expect(html).not.toContain('<b>');
  expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
  const res = await fetch(`${emu.url}/device`, {
    method: 'POST',
    body: new URLSearchParams({ user_code: d.userCode!.toLowerCase(), action: 'approve' }),
  });
  expect(res.status).toBe(200);
  expect((await poll()).accessToken).toBeTruthy();
  done();
});

test('the bare /device page is a form; unknown codes get a 404 page', async () => {
  const entry = await (await fetch(`${emu.url}/device`)).text();
  expect(entry).toMatch(/<label for="user_code">/);
  expect((await fetch(`${emu.url}/device?user_code=ZZZZ-ZZZZ`)).status).toBe(404);
});

test('JSON control API: pending, approve, deny, calls, org, faults, errors', async () => {
  const post = (path: string, body?: unknown) =>
    fetch(`${emu.url}/_emulator/${path}`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const a = await startDevice();
  const b = await startDevice();
  const pending = (await (await fetch(`${emu.url}/_emulator/pending`)).json()) as { userCode: string }[];
  expect(pending.map((p) => p.userCode)).toEqual(expect.arrayContaining([a.d.userCode, b.d.userCode]));
  expect((await post('approve', { userCode: a.d.userCode })).status).toBe(200);
  expect((await post('deny', { userCode: b.d.userCode })).status).toBe(200);
  expect((await a.poll()).accessToken).toBeTruthy();
  expect(await errorName(b.poll())).toBe('AccessDeniedException');
  a.done();
  b.done();

  const calls = (await (await fetch(`${emu.url}/_emulator/calls`)).json()) as Record<string, number>;
  expect(calls.CreateToken).toBeGreaterThanOrEqual(2);
  expect((await post('approve', { userCode: 'QQQQ-QQQQ' })).status).toBe(404);
  expect((await post('approve', {})).status).toBe(400);
  expect((await post('faults', { serverErrorRate: 2 })).status).toBe(400);
  expect((await post('nonsense')).status).toBe(404);
  expect(
    (
      await post('org', {
        accounts: [{ accountId: '111122223333', accountName: 'a', emailAddress: 'a@x', roles: ['R'] }],
      })
    ).status,
  ).toBe(200);
  expect(
    ((await (await fetch(`${emu.url}/_emulator/org`)).json()) as { accounts: unknown[] }).accounts,
  ).toHaveLength(1);
  const issued = (await (await post('issue-token', { refreshable: false })).json()) as {
    accessToken: string;
    refreshToken?: string;
  };
  expect(issued.refreshToken).toBeUndefined();
  expect((await post('revoke-all')).status).toBe(200);
  const denied = await fetch(`${emu.url}/assignment/accounts`, {
    headers: { 'x-amz-sso_bearer_token': issued.accessToken },
  });
  expect(denied.status).toBe(401);
  expect(denied.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
  expect(await denied.json()).toEqual({ message: 'Session token not found or invalid' });
  expect((await post('throttle', false)).status).toBe(200);
  expect((await post('latency', { ms: 0 })).status).toBe(200);
  expect((await post('reset-calls')).status).toBe(200);
  expect(await (await fetch(`${emu.url}/_emulator/calls`)).json()).toEqual({});
});

test('unknown paths, wrong methods and non-JSON OIDC bodies get clear errors', async () => {
  const r404 = await fetch(`${emu.url}/nope`);
  expect(r404.status).toBe(404);
  const r405 = await fetch(`${emu.url}/token`);
  expect(r405.status).toBe(405);
  const bad = await fetch(`${emu.url}/token`, { method: 'POST', body: 'not json' });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
  expect(await bad.json()).toMatchObject({ error: 'invalid_request' });
});
