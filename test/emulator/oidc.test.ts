import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { errorName, fakeClock, oidcClient } from './helpers';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const START_URL = 'https://d-0000000000.awsapps.com/start';
const clock = fakeClock();
let emu: RunningEmulator;
let oidc: SSOOIDCClient;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now, deviceCodeTtlSeconds: 600, pollIntervalSeconds: 1 });
  oidc = oidcClient(emu.url);
});
afterAll(async () => {
  oidc.destroy();
  await emu.close();
});

async function register(scopes?: string[]) {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'lanyard-test',
      clientType: 'public',
      ...(scopes ? { scopes } : {}),
    }),
  );
}

async function startDevice(scopes?: string[]) {
  const c = await register(scopes);
  const d = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      startUrl: START_URL,
    }),
  );
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: d.deviceCode,
      }),
    );
  return { c, d, poll };
}

describe('RegisterClient', () => {
  test('returns a 90-day registration in epoch seconds with a region-tagged client id', async () => {
    const c = await register(['sso:account:access']);
    expect(c.clientIdIssuedAt).toBe(Math.floor(clock.now() / 1000));
    expect(c.clientSecretExpiresAt! - c.clientIdIssuedAt!).toBe(7_776_000);
    expect(Buffer.from(c.clientId!, 'base64url').subarray(16).toString()).toBe('us-east-1');
    expect(c.clientSecret!.length).toBeGreaterThan(40);
  });

  test('rejects a non-public client type and bad scopes by name', async () => {
    expect(
      await errorName(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' }))),
    ).toBe('InvalidClientMetadataException');
    expect(
      await errorName(
        oidc.send(
          new RegisterClientCommand({ clientName: 'x', clientType: 'public', scopes: ['bad scope'] }),
        ),
      ),
    ).toBe('InvalidScopeException');
  });
});

describe('device flow', () => {
  test('pending, slow_down, approve, token, then the code is consumed', async () => {
    const { d, poll } = await startDevice(['sso:account:access']);
    expect(d.userCode).toMatch(/^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
    expect(d.verificationUri).toBe(`${emu.url}/device`);
    expect(d.verificationUriComplete).toBe(`${emu.url}/device?user_code=${d.userCode}`);
    expect(d.expiresIn).toBe(600);
    expect(d.interval).toBe(1);

    // Like the AWS CLI: one poll before showing the code, one straight after; both merely pending.
    expect(await errorName(poll())).toBe('AuthorizationPendingException');
    expect(await errorName(poll())).toBe('AuthorizationPendingException');
    expect(await errorName(poll())).toBe('SlowDownException');
    clock.advance(1000);
    expect(await errorName(poll())).toBe('AuthorizationPendingException');

    expect(emu.control.pendingDeviceCodes().map((p) => p.userCode)).toContain(d.userCode);
    emu.control.approveDevice(d.userCode!);
    clock.advance(1000);
    const t = await poll();
    expect(t.accessToken).toMatch(/^aoa/);
    expect(t.refreshToken).toMatch(/^aor/);
    expect(t.tokenType).toBe('Bearer');
    expect(t.expiresIn).toBe(3600);
    clock.advance(1000);
    expect(await errorName(poll())).toBe('InvalidGrantException');
  });

  test('legacy clients (no scopes) get an 8-hour token and no refresh token', async () => {
    const { d, poll } = await startDevice();
    emu.control.approveDevice(d.userCode!);
    const t = await poll();
    expect(t.refreshToken).toBeUndefined();
    expect(t.expiresIn).toBe(28800);
  });

  test('denied gives AccessDeniedException', async () => {
    const { d, poll } = await startDevice();
    emu.control.denyDevice(d.userCode!);
    expect(await errorName(poll())).toBe('AccessDeniedException');
  });

  test('expired after expiresIn gives ExpiredTokenException', async () => {
    const { poll } = await startDevice();
    clock.advance(600_000);
    expect(await errorName(poll())).toBe('ExpiredTokenException');
    expect(emu.control.pendingDeviceCodes()).toEqual([]);
  });

  test('wrong secret, expired registration and unknown grant', async () => {
    const c = await register();
    const send = (over: Record<string, string>) =>
      oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: c.clientId,
          clientSecret: c.clientSecret,
          startUrl: START_URL,
          ...over,
        }),
      );
    expect(await errorName(send({ clientSecret: 'nope' }))).toBe('InvalidClientException');
    expect(
      await errorName(
        oidc.send(
          new CreateTokenCommand({
            clientId: c.clientId,
            clientSecret: c.clientSecret,
            grantType: 'password',
          }),
        ),
      ),
    ).toBe('UnsupportedGrantTypeException');
    emu.control.expireRegistrations();
    expect(await errorName(send({}))).toBe('InvalidClientException');
  });
});

describe('refresh', () => {
  test('rotates the refresh token; the old one and ended sessions are refused', async () => {
    const { d, poll, c } = await startDevice(['sso:account:access']);
    emu.control.approveDevice(d.userCode!);
    const first = await poll();
    const refresh = (refreshToken: string) =>
      oidc.send(
        new CreateTokenCommand({
          clientId: c.clientId,
          clientSecret: c.clientSecret,
          grantType: 'refresh_token',
          refreshToken,
        }),
      );
    const second = await refresh(first.refreshToken!);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await errorName(refresh(first.refreshToken!))).toBe('InvalidGrantException');
    emu.control.endSessions();
    expect(await errorName(refresh(second.refreshToken!))).toBe('InvalidGrantException');
  });

  test('a token from issueToken() refreshes through CreateToken', async () => {
    const t = emu.control.issueToken();
    const r = await oidc.send(
      new CreateTokenCommand({
        clientId: t.clientId,
        clientSecret: t.clientSecret,
        grantType: 'refresh_token',
        refreshToken: t.refreshToken,
      }),
    );
    expect(r.accessToken).toMatch(/^aoa/);
    expect(emu.control.issueToken({ refreshable: false }).refreshToken).toBeUndefined();
  });

  test('the session caps access tokens and then refuses refresh', async () => {
    const e = await startEmulator({ now: clock.now, sessionTtlSeconds: 5400, accessTokenTtlSeconds: 3600 });
    try {
      const t = e.control.issueToken();
      const client = oidcClient(e.url);
      clock.advance(3000_000);
      const r = await client.send(
        new CreateTokenCommand({
          clientId: t.clientId,
          clientSecret: t.clientSecret,
          grantType: 'refresh_token',
          refreshToken: t.refreshToken,
        }),
      );
      expect(r.expiresIn).toBe(2400);
      clock.advance(2400_000);
      expect(
        await errorName(
          client.send(
            new CreateTokenCommand({
              clientId: t.clientId,
              clientSecret: t.clientSecret,
              grantType: 'refresh_token',
              refreshToken: r.refreshToken,
            }),
          ),
        ),
      ).toBe('InvalidGrantException');
      client.destroy();
    } finally {
      await e.close();
    }
  });
});
