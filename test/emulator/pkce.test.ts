import { CreateTokenCommand, RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { errorName, oidcClient, pkcePair } from './helpers';

let emu: RunningEmulator;
let oidc: SSOOIDCClient;
beforeAll(async () => {
  emu = await startEmulator();
  oidc = oidcClient(emu.url);
});
afterAll(async () => {
  oidc.destroy();
  await emu.close();
});

// Registration exactly as the AWS CLI ≥ 2.22 does it: a port-less loopback redirect.
async function registerForCode() {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'botocore-client-emulator',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      scopes: ['sso:account:access'],
    }),
  );
}

function authorizeUrl(clientId: string, redirectUri: string, state: string, challenge: string): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    state,
    code_challenge_method: 'S256',
    scopes: 'sso:account:access',
  });
  return `${emu.url}/authorize?${q.toString()}&code_challenge=${challenge}`;
}

test('approve mode: 302 with code and state; CreateToken with the verifier; wrong verifier is invalid_grant', async () => {
  emu.control.setAuthorizeMode('approve');
  const c = await registerForCode();
  const redirectUri = 'http://127.0.0.1:54321/oauth/callback';
  const state = randomUUID();
  const exchange = async (verifier: string) => {
    const { challenge } = pkcePair();
    const real = pkcePair();
    const res = await fetch(
      authorizeUrl(c.clientId!, redirectUri, state, verifier === 'wrong' ? challenge : real.challenge),
      {
        redirect: 'manual',
      },
    );
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.origin + loc.pathname).toBe(redirectUri);
    expect(loc.searchParams.get('state')).toBe(state);
    return oidc.send(
      new CreateTokenCommand({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        grantType: 'authorization_code',
        code: loc.searchParams.get('code')!,
        redirectUri,
        codeVerifier: real.verifier,
      }),
    );
  };
  const t = await exchange('right');
  expect(t.accessToken).toMatch(/^aoa/);
  expect(t.refreshToken).toMatch(/^aor/);
  expect(await errorName(exchange('wrong'))).toBe('InvalidGrantException');
  expect(emu.control.calls().Authorize).toBe(2);
});

test('a code works once and only with the same redirect_uri', async () => {
  emu.control.setAuthorizeMode('approve');
  const c = await registerForCode();
  const { verifier, challenge } = pkcePair();
  const redirectUri = 'http://127.0.0.1:40000/oauth/callback';
  const res = await fetch(authorizeUrl(c.clientId!, redirectUri, 's', challenge), { redirect: 'manual' });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const send = (uri: string) =>
    oidc.send(
      new CreateTokenCommand({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        grantType: 'authorization_code',
        code,
        redirectUri: uri,
        codeVerifier: verifier,
      }),
    );
  expect(await errorName(send('http://127.0.0.1:40001/oauth/callback'))).toBe('InvalidGrantException');
  await send(redirectUri);
  expect(await errorName(send(redirectUri))).toBe('InvalidGrantException');
});

test('deny mode redirects with error=access_denied and the state', async () => {
  emu.control.setAuthorizeMode('deny');
  const c = await registerForCode();
  const res = await fetch(
    authorizeUrl(c.clientId!, 'http://127.0.0.1:1234/oauth/callback', 'st8', pkcePair().challenge),
    {
      redirect: 'manual',
    },
  );
  const loc = new URL(res.headers.get('location')!);
  expect(loc.searchParams.get('error')).toBe('access_denied');
  expect(loc.searchParams.get('state')).toBe('st8');
});

test('manual mode shows a consent form whose Allow button redirects with a code', async () => {
  emu.control.setAuthorizeMode('manual');
  const c = await registerForCode();
  const redirectUri = 'http://127.0.0.1:1234/oauth/callback';
  const page = await fetch(authorizeUrl(c.clientId!, redirectUri, 'abc', pkcePair().challenge), {
    redirect: 'manual',
  });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(page.headers.get('content-security-policy')).toContain('http://127.0.0.1:1234');
  const html = await page.text();
  expect(html).toContain('botocore-client-emulator');
  const request = /name="request" value="([^"]+)"/.exec(html)![1]!;
  const res = await fetch(`${emu.url}/authorize/decision`, {
    method: 'POST',
    body: new URLSearchParams({ request, action: 'approve' }),
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  const loc = new URL(res.headers.get('location')!);
  expect(loc.searchParams.get('code')).toBeTruthy();
  expect(loc.searchParams.get('state')).toBe('abc');
});

test('bad client or non-loopback / unregistered redirect gets a page, never a redirect', async () => {
  emu.control.setAuthorizeMode('approve');
  const c = await registerForCode();
  const { challenge } = pkcePair();
  for (const [client, uri] of [
    ['unknown', 'http://127.0.0.1:1/oauth/callback'],
    [c.clientId!, 'https://evil.example/oauth/callback'],
    [c.clientId!, 'http://127.0.0.1:1/other'],
  ] as const) {
    const res = await fetch(authorizeUrl(client, uri, 's', challenge), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  }
  const noPkce = await fetch(
    `${emu.url}/authorize?response_type=code&client_id=${c.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/oauth/callback')}&state=x`,
    { redirect: 'manual' },
  );
  expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
});
