import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { oidcClient, pkcePair } from './helpers';

// A real Chromium clicks the buttons: proves the forms work under the pages' CSP, including the
// consent form's redirect to a loopback callback (form-action applies to redirects too).
let emu: RunningEmulator;
let browser: Browser;
let callback: Server;
let callbackUrl = '';
const received: string[] = [];

beforeAll(async () => {
  emu = await startEmulator();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  callback = createServer((req, res) => {
    received.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
  callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/oauth/callback`;
});
afterAll(async () => {
  await browser?.close();
  callback.closeAllConnections();
  await new Promise((r) => callback.close(r));
  await emu.close();
});

test('device page: Approve in a browser lets the next poll succeed', async () => {
  const oidc = oidcClient(emu.url);
  const c = await oidc.send(new RegisterClientCommand({ clientName: 'browser-test', clientType: 'public' }));
  const d = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      startUrl: 'https://d-0000000000.awsapps.com/start',
    }),
  );
  const page = await browser.newPage();
  await page.goto(`${emu.url}/device`);
  await page.getByLabel('Code shown by the application').fill(d.userCode!);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  expect(await page.getByRole('status').textContent()).toMatch(/close this window/);
  const t = await oidc.send(
    new CreateTokenCommand({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      deviceCode: d.deviceCode,
    }),
  );
  expect(t.accessToken).toBeTruthy();
  await page.close();
  oidc.destroy();
});

test('authorize consent: Allow access reaches the loopback callback with code and state', async () => {
  emu.control.setAuthorizeMode('manual');
  const oidc = oidcClient(emu.url);
  const c = await oidc.send(
    new RegisterClientCommand({
      clientName: 'browser-test',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      scopes: ['sso:account:access'],
    }),
  );
  const { verifier, challenge } = pkcePair();
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId!,
    redirect_uri: callbackUrl,
    state: 'browser-state',
    code_challenge_method: 'S256',
    scopes: 'sso:account:access',
    code_challenge: challenge,
  });
  const page = await browser.newPage();
  await page.goto(`${emu.url}/authorize?${q.toString()}`);
  await Promise.all([
    page.waitForURL(/oauth\/callback/),
    page.getByRole('button', { name: 'Allow access' }).click(),
  ]);
  const got = new URL(received.filter((u) => u.startsWith('/oauth/callback')).at(-1)!, callbackUrl);
  expect(got.searchParams.get('state')).toBe('browser-state');
  const t = await oidc.send(
    new CreateTokenCommand({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      grantType: 'authorization_code',
      code: got.searchParams.get('code')!,
      redirectUri: callbackUrl,
      codeVerifier: verifier,
    }),
  );
  expect(t.refreshToken).toBeTruthy();
  await page.close();
  oidc.destroy();
});
