import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { main } from '../../main/cli/main';
import { createSandbox } from '../support/sandbox';
import { createOidcClient, createPortalClient } from '../../main/aws/clients';
import { createPortal } from '../../main/accounts/portal';
import { consoleUrl } from '../../main/console/console-url';
import { createCredentialStore } from '../../main/credentials/role-credentials';
import { emulatorTokenSource, session } from '../support/portal-session';
import { startLocalProxy, type LocalProxy } from './support/local-proxy';
import { makeTestCa, startTlsFront, type TestCa, type TlsFront } from './support/tls-front';

// The proxy variables are given to Lanyard through its `env` (as the CLI context and the tests do), never
// through process.env, so these tests also prove that the env Lanyard is handed is the one it obeys.
let emu: RunningEmulator;
let proxy: LocalProxy;
let ca: TestCa;
let front: TlsFront;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanyard-net-'));
  emu = await startEmulator({ org: { generate: { accounts: 3, seed: 8 } } });
  proxy = await startLocalProxy();
  ca = await makeTestCa(dir);
  front = await startTlsFront(emu.url, ca);
  token = emu.control.issueToken().accessToken;
});

afterAll(async () => {
  await Promise.all([emu?.close(), proxy?.close(), front?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function listAccounts(env: Record<string, string>, portal: string): Promise<number> {
  const client = await createPortalClient({
    region: 'us-east-1',
    env,
    endpoints: { portal },
    maxAttempts: 1,
  });
  try {
    const out = await client.send(new ListAccountsCommand({ accessToken: token }));
    return out.accountList?.length ?? 0;
  } finally {
    client.destroy();
  }
}

describe('proxy', () => {
  it('sends plain-HTTP portal calls through HTTP_PROXY', async () => {
    const before = proxy.seen.length;
    expect(await listAccounts({ HTTP_PROXY: proxy.url }, emu.url)).toBeGreaterThan(0);
    expect(proxy.targets().slice(before)).toEqual([`${emu.url}/assignment/accounts`]);
  });

  it('tunnels HTTPS calls through HTTPS_PROXY with CONNECT (sso-oidc and portal)', async () => {
    const before = proxy.seen.length;
    const env = { HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: ca.caFile };
    expect(await listAccounts(env, front.url)).toBeGreaterThan(0);
    const oidc = await createOidcClient({
      region: 'us-east-1',
      env,
      endpoints: { oidc: front.url },
      maxAttempts: 1,
    });
    try {
      const reg = await oidc.send(
        new RegisterClientCommand({ clientName: 'net-test', clientType: 'public' }),
      );
      expect(reg.clientId).toBeTruthy();
    } finally {
      oidc.destroy();
    }
    const host = new URL(front.url).host;
    // keep-alive may reuse one tunnel for both calls; at least one CONNECT, and nothing else went past the proxy.
    const seen = proxy.seen.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.method === 'CONNECT' && r.target === host)).toBe(true);
    expect(front.seen).toEqual(expect.arrayContaining(['GET /assignment/accounts', 'POST /client/register']));
  });

  it('goes direct for hosts in NO_PROXY (exact host, and with port)', async () => {
    const before = proxy.seen.length;
    const port = new URL(emu.url).port;
    expect(
      await listAccounts({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' }, emu.url),
    ).toBeGreaterThan(0);
    expect(
      await listAccounts({ HTTP_PROXY: proxy.url, no_proxy: `127.0.0.1:${port}` }, emu.url),
    ).toBeGreaterThan(0);
    expect(await listAccounts({ HTTP_PROXY: proxy.url, NO_PROXY: '*' }, emu.url)).toBeGreaterThan(0);
    expect(proxy.seen.length).toBe(before);
    // a NO_PROXY entry for another port or host does not bypass
    expect(
      await listAccounts({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1,.example.com' }, emu.url),
    ).toBeGreaterThan(0);
    expect(proxy.seen.length).toBe(before + 1);
  });
});

describe('custom CA (AWS_CA_BUNDLE)', () => {
  it('refuses the private CA without the bundle', async () => {
    await expect(listAccounts({}, front.url)).rejects.toThrow(/certificate/i);
  });

  it('trusts the private CA with the bundle', async () => {
    expect(await listAccounts({ AWS_CA_BUNDLE: ca.caFile }, front.url)).toBeGreaterThan(0);
  });

  it('names an unreadable bundle as a CONFIG error', async () => {
    await expect(listAccounts({ AWS_CA_BUNDLE: join(dir, 'missing.pem') }, front.url)).rejects.toMatchObject({
      code: 'CONFIG',
    });
  });
});

describe('console federation (the one call that is not an SDK client)', () => {
  async function federate(env: Record<string, string>, federationUrl: string): Promise<string> {
    // Role credentials come straight from the emulator; only the federation GET goes through `env`.
    const portal = createPortal({
      tokenSource: emulatorTokenSource(emu.control),
      env: {},
      endpoints: { portal: emu.url },
    });
    const a = emu.control.org().accounts[0]!;
    return consoleUrl(
      { session, accountId: a.accountId, roleName: a.roles[0]! },
      { credentials: createCredentialStore(portal), env, federationUrl },
    );
  }

  it('goes through HTTP_PROXY given in env', async () => {
    const before = proxy.seen.length;
    expect(await federate({ HTTP_PROXY: proxy.url }, emu.url)).toMatch(/Action=login/);
    expect(proxy.targets().slice(before)).toEqual([`${emu.url}/federation`]);
  });

  it('honours NO_PROXY', async () => {
    const before = proxy.seen.length;
    expect(await federate({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, emu.url)).toMatch(/Action=login/);
    expect(proxy.seen.length).toBe(before);
  });

  it('trusts AWS_CA_BUNDLE, and refuses the private CA without it', async () => {
    await expect(federate({}, front.url)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await federate({ AWS_CA_BUNDLE: ca.caFile }, front.url)).toMatch(/Action=login/);
  });
});

describe('every call of a real session goes through the proxy (CLI in-process)', () => {
  it('sign-in, listing, credentials, console, logout: all seen by the proxy, none direct', async () => {
    const auto = await startEmulator({
      org: { generate: { accounts: 2, seed: 1 } },
      autoApprove: true,
      pollIntervalSeconds: 0,
    });
    const sb = await createSandbox({
      config:
        '[sso-session corp]\nsso_start_url = https://d-9000000050.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    });
    try {
      const env = {
        ...sb.env,
        ...auto.env,
        LANYARD_FEDERATION_URL: auto.url,
        HTTP_PROXY: proxy.url,
        HTTPS_PROXY: proxy.url,
      };
      const before = proxy.seen.length;
      auto.control.resetCalls();
      const run = async (...argv: string[]) => {
        let err = '';
        const code = await main(argv, {
          paths: sb.paths,
          env,
          stdout: { write: () => undefined },
          stderr: { write: (t: string) => void (err += t) },
          openUrl: () => Promise.resolve(),
          signal: new AbortController().signal,
          now: Date.now,
        });
        expect(`${argv.join(' ')}: ${code} ${err}`).toBe(`${argv.join(' ')}: 0 `); // the message, if any, in the diff
      };
      const a = auto.control.org().accounts[0]!;
      await run('login', '--device-code', '--no-browser');
      await run('roles', '--refresh');
      await run('env', a.accountId, a.roles[0]!);
      await run('console', a.accountId, a.roles[0]!, '--print');
      await run('logout');
      const paths = proxy
        .targets()
        .slice(before)
        .map((t) => new URL(t).pathname);
      expect(new Set(paths)).toEqual(
        new Set([
          '/client/register',
          '/device_authorization',
          '/token',
          '/assignment/accounts',
          '/assignment/roles',
          '/federation/credentials',
          '/federation',
          '/logout',
        ]),
      );
      // The emulator saw nothing the proxy did not carry.
      const served = Object.values(auto.control.calls()).reduce((n, c) => n + c, 0);
      expect(paths.length).toBe(served);
    } finally {
      await auto.close();
      await sb.cleanup();
    }
  });
});
