import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { errorName, fakeClock, oidcClient, ssoClient } from './helpers';

// The Identity Center session duration: refresh is refused after it and no access token outlives it.
const clock = fakeClock();
let emu: RunningEmulator;
let oidc: SSOOIDCClient;
let sso: SSOClient;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now, sessionTtlSeconds: 120, accessTokenTtlSeconds: 3600 });
  oidc = oidcClient(emu.url);
  sso = ssoClient(emu.url);
});
afterAll(async () => {
  oidc.destroy();
  sso.destroy();
  await emu.close();
});

const refresh = (t: { clientId: string; clientSecret: string }, refreshToken: string) =>
  oidc.send(
    new CreateTokenCommand({
      clientId: t.clientId,
      clientSecret: t.clientSecret,
      grantType: 'refresh_token',
      refreshToken,
    }),
  );

test('a two-minute session: access tokens are capped at its end and refresh is refused after it', async () => {
  const t = emu.control.issueToken();
  expect(t.expiresAt).toBe(clock.now() + 120_000);
  clock.advance(60_000);
  const renewed = await refresh(t, t.refreshToken!);
  expect(renewed.expiresIn).toBe(60);
  clock.advance(61_000);
  expect(await errorName(refresh(t, renewed.refreshToken!))).toBe('InvalidGrantException');
  expect(await errorName(sso.send(new ListAccountsCommand({ accessToken: renewed.accessToken! })))).toBe(
    'UnauthorizedException',
  );
});

test('the control API sets the length for running and new sessions, counted from sign-in', async () => {
  emu.control.setSessionLength(3600);
  const t = emu.control.issueToken();
  clock.advance(30 * 60_000);
  const res = await fetch(`${emu.url}/_emulator/session-length`, {
    method: 'POST',
    body: JSON.stringify({ length: '40m' }),
  });
  expect(res.status).toBe(200);
  expect(await (await fetch(`${emu.url}/_emulator/session-length`)).json()).toEqual({ seconds: 2400 });
  // The access token issued for an hour now ends with the session, ten minutes from now.
  const renewed = await refresh(t, t.refreshToken!);
  expect(renewed.expiresIn).toBe(600);
  clock.advance(10 * 60_000);
  expect(await errorName(refresh(t, renewed.refreshToken!))).toBe('InvalidGrantException');
  const bad = await fetch(`${emu.url}/_emulator/session-length`, {
    method: 'POST',
    body: JSON.stringify({ length: 'soon' }),
  });
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('session length must be');
});

test('tokens that cannot renew keep their own fixed lifetime', () => {
  emu.control.setSessionLength(60);
  const t = emu.control.issueToken({ refreshable: false });
  expect(t.refreshToken).toBeUndefined();
  expect(t.expiresAt).toBe(clock.now() + 8 * 3600_000);
});
