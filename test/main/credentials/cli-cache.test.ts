import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { SsoSession } from '../../../app/domain/session';
import { createPortal } from '../../../main/accounts/portal';
import {
  clearCliCache,
  cliCacheDir,
  cliCacheFileName,
  readCliCache,
  writeCliCache,
} from '../../../main/credentials/cli-cache';
import { createCredentialStore } from '../../../main/credentials/role-credentials';
import { signInWithEmulator } from '../../support/cli-run';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { emulatorTokenSource, session } from '../../support/portal-session';

const fixtures = join(import.meta.dirname, '../../../../shared/fixtures/aws-cli-2.9.19/sso-session');
const fixtureSession: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-90677a1b2c.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};

let emu: RunningEmulator;
let sb: Sandbox;
beforeAll(async () => {
  emu = await startEmulator({
    org: {
      accounts: [
        { accountId: '111111111111', accountName: 'prod', emailAddress: 'p@example.com', roles: ['Admin'] },
      ],
    },
  });
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  await sb?.cleanup();
});

describe("the AWS CLI's role-credential cache", () => {
  test('names the file as the AWS CLI 2.9.19 did (fixture) and as the protocol notes say', async () => {
    const name = (await readdir(fixtures)).find((f) => f.startsWith('cli-cache-'))!;
    expect(cliCacheFileName(fixtureSession, '100000000000', 'AdministratorAccess')).toBe(
      name.slice('cli-cache-'.length),
    );
    const noted = { ...fixtureSession, name: 'my-sso' };
    expect(cliCacheFileName(noted, '123456789012', 'AdministratorAccess')).toBe(
      'c61222fe4c86bb5d3638873744d4cab00a0bf176.json',
    );
    // A legacy profile is keyed by its start URL instead.
    const legacy: SsoSession = { ...fixtureSession, kind: 'legacy-profile', scopes: [] };
    expect(cliCacheFileName(legacy, '1', 'R')).not.toBe(cliCacheFileName(fixtureSession, '1', 'R'));
  });

  test("reads the CLI's own file, and writes one the same shape, 0600", async () => {
    sb = await createSandbox();
    const name = (await readdir(fixtures)).find((f) => f.startsWith('cli-cache-'))!;
    const text = await readFile(join(fixtures, name), 'utf8');
    await mkdir(cliCacheDir(sb.paths), { recursive: true });
    // As the CLI creates it: 0600 (an existing file keeps its mode when rewritten, as with the CLI).
    await writeFile(join(cliCacheDir(sb.paths), name.slice('cli-cache-'.length)), text, { mode: 0o600 });
    const fixtureNow = Date.parse('2026-11-22T03:17:42Z');
    const read = await readCliCache(
      sb.paths,
      fixtureSession,
      '100000000000',
      'AdministratorAccess',
      fixtureNow,
    );
    const json = JSON.parse(text) as { Credentials: { AccessKeyId: string } };
    expect(read?.accessKeyId).toBe(json.Credentials.AccessKeyId);
    // Less than botocore's 15-minute window left: a miss, as for the CLI.
    const late = Date.parse('2026-11-22T04:03:00Z');
    expect(
      await readCliCache(sb.paths, fixtureSession, '100000000000', 'AdministratorAccess', late),
    ).toBeUndefined();

    await writeCliCache(sb.paths, fixtureSession, '100000000000', 'AdministratorAccess', {
      ...read!,
      expiration: Date.parse('2026-11-22T04:17:42.900Z'),
    });
    const file = join(cliCacheDir(sb.paths), name.slice('cli-cache-'.length));
    const written = await readFile(file, 'utf8');
    // Same keys, order, separators and time format as the CLI's file; newer botocore adds AccountId.
    expect(written).toBe(text.replace(/"\}\}\s*$/, '", "AccountId": "100000000000"}}'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  test('the store serves a cached credential without calling the portal, and caches what it fetches', async () => {
    sb = await createSandbox();
    const portal = createPortal({
      tokenSource: emulatorTokenSource(emu.control),
      endpoints: { portal: emu.url },
      env: {},
    });
    emu.control.resetCalls();
    const first = await createCredentialStore(portal, Date.now, { cliCache: sb.paths }).get(
      session,
      '111111111111',
      'Admin',
    );
    expect(emu.control.calls().GetRoleCredentials).toBe(1);
    const created = join(cliCacheDir(sb.paths), cliCacheFileName(session, '111111111111', 'Admin'));
    expect((await stat(created)).mode & 0o777).toBe(0o600);
    // A new process: nothing in memory, the file answers.
    // Not signed in (no token file): the cache is not used, so the CLI still says "sign in".
    const unsigned = await createCredentialStore(portal, Date.now, { cliCache: sb.paths }).get(
      session,
      '111111111111',
      'Admin',
    );
    expect(unsigned.accessKeyId).not.toBe(first.accessKeyId);
    expect(emu.control.calls().GetRoleCredentials).toBe(2);
    await writeCliCache(sb.paths, session, '111111111111', 'Admin', first);
    await signInWithEmulator(emu, sb, session);
    const second = await createCredentialStore(portal, Date.now, { cliCache: sb.paths }).get(
      session,
      '111111111111',
      'Admin',
    );
    expect(second.accessKeyId).toBe(first.accessKeyId);
    expect(Math.abs(second.expiration - first.expiration)).toBeLessThan(1000);
    expect(emu.control.calls().GetRoleCredentials).toBe(2);
    // Without the option, nothing is read or written.
    await createCredentialStore(portal).get(session, '111111111111', 'Admin');
    expect(emu.control.calls().GetRoleCredentials).toBe(3);
    // Logout's sweep removes SSO files only, as `aws sso logout` does.
    await writeFile(join(cliCacheDir(sb.paths), 'assume-role.json'), '{"Credentials": {}}');
    expect(await clearCliCache(sb.paths)).toBe(1);
    expect(await readdir(cliCacheDir(sb.paths))).toEqual(['assume-role.json']);
  });
});
