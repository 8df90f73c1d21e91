import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createPortal } from '../../../main/accounts/portal';
import { createCredentialStore } from '../../../main/credentials/role-credentials';
import { consoleUrl, type ConsoleDeps } from '../../../main/console/console-url';
import { emulatorTokenSource, session } from '../../support/portal-session';

let emu: RunningEmulator;
let deps: ConsoleDeps;
const role = { session, accountId: '111111111111', roleName: 'Admin' };

beforeAll(async () => {
  emu = await startEmulator({
    org: {
      accounts: [
        { accountId: '111111111111', accountName: 'prod', emailAddress: 'p@example.com', roles: ['Admin'] },
      ],
    },
  });
  const portal = createPortal({
    tokenSource: emulatorTokenSource(emu.control),
    endpoints: { portal: emu.url },
    env: {},
  });
  deps = { credentials: createCredentialStore(portal), env: { LANYARD_FEDERATION_URL: emu.url } };
});
afterAll(async () => {
  await emu.close();
});

async function follow(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

describe('console sign-in', () => {
  test('federation login URL redirects to the destination', async () => {
    const url = await consoleUrl(
      { ...role, region: 'eu-west-1', service: 'ec2', durationSeconds: 3600 },
      deps,
    );
    const u = new URL(url);
    expect(u.origin).toBe(new URL(emu.url).origin);
    expect(u.searchParams.get('Action')).toBe('login');
    expect(u.searchParams.get('Issuer')).toBe(session.startUrl);
    const res = await follow(url);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1',
    );
  });

  test('global service without region lands on the global console', async () => {
    const res = await follow(await consoleUrl({ ...role, service: 'iam' }, deps));
    expect(res.headers.get('location')).toBe('https://console.aws.amazon.com/iam/home');
  });

  test('logout-first chains the logout before the login URL', async () => {
    const url = new URL(await consoleUrl({ ...role, logoutFirst: true }, deps));
    expect(url.pathname).toBe('/oauth');
    expect(url.searchParams.get('Action')).toBe('logout');
    const login = url.searchParams.get('redirect_uri')!;
    expect((await follow(login)).status).toBe(302);
  });

  test('portal link needs no federation call', async () => {
    emu.control.resetCalls();
    const url = await consoleUrl({ ...role, portalLink: true, region: 'us-east-1', service: 's3' }, deps);
    expect(url).toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=111111111111&role_name=Admin&destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fs3%2Fhome%3Fregion%3Dus-east-1',
    );
    expect(emu.control.calls().GetRoleCredentials ?? 0).toBe(0);
  });

  test('bad duration is refused before any call', async () => {
    await expect(consoleUrl({ ...role, durationSeconds: 60 }, deps)).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  test('a portal start URL on a foreign host is never returned', async () => {
    await expect(
      consoleUrl(
        { ...role, session: { ...session, startUrl: 'https://evil.example.com/start' }, portalLink: true },
        deps,
      ),
    ).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
  });

  test('an unreachable federation endpoint is a NETWORK error', async () => {
    const none = { ...deps, env: { LANYARD_FEDERATION_URL: 'http://127.0.0.1:1/federation' } };
    await expect(consoleUrl(role, none)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
