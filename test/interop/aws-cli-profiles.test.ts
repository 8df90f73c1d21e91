import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../app/domain/accounts';
import type { SsoSession } from '../../app/domain/session';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { writeTokenFile } from '../../main/auth/token-cache';
import { applyProfilesPlan, planProfiles } from '../../main/config/profiles';
import { addSsoSession, getSession } from '../../main/config/sessions';
import { createSandbox, type Sandbox } from '../support/sandbox';
import { makeTestCa, startTlsFront, type TlsFront } from '../network/support/tls-front';
import { startInterceptingProxy, type InterceptingProxy } from './support/aws-intercept';
import { awsCli, python } from './support/tools';

// What Lanyard writes into ~/.aws/config must be read the same way by the real AWS CLI v2 and botocore.
const START_URL = 'https://d-9000000002.awsapps.com/start';
const LEGACY_URL = 'https://d-9000000003.awsapps.com/start';
const userConfig = [
  '# my own settings, Lanyard must keep them',
  '[default]',
  'region = us-west-2',
  'output = table',
  '',
  '[profile hand-made]',
  'region = ap-south-1',
  '',
].join('\n');

let emu: RunningEmulator;
let sb: Sandbox;
let corp: SsoSession;
let roles: RoleEntry[];
let certDir: string;
let front: TlsFront;
let intercept: InterceptingProxy;
/** Env under which AWS CLI 2.9.19 reaches "portal.sso.eu-west-1.amazonaws.com", i.e. the emulator. */
let viaIntercept: Record<string, string>;

function rolesOf(sessionName: string): RoleEntry[] {
  return emu.control.org().accounts.flatMap((a) =>
    a.roles.map((roleName) => ({
      sessionName,
      accountId: a.accountId,
      accountName: a.accountName,
      emailAddress: a.emailAddress,
      roleName,
    })),
  );
}

beforeAll(async () => {
  emu = await startEmulator({ org: { generate: { accounts: 4, rolesPerAccount: 2, seed: 5 } } });
  sb = await createSandbox({ config: userConfig });
  await addSsoSession(sb.paths, { name: 'corp', startUrl: START_URL, region: 'eu-west-1' });
  corp = await getSession(sb.paths, 'corp');
  roles = rolesOf('corp');
  const plan = await planProfiles(sb.paths, { session: corp, roles, region: 'eu-central-1' });
  expect(plan.added.length).toBe(roles.length);
  await applyProfilesPlan(sb.paths, plan);
  // Lanyard's token file for the session, as after a Lanyard sign-in.
  const t = emu.control.issueToken({ refreshable: true });
  await writeTokenFile(sb.paths, corp, {
    startUrl: START_URL,
    region: 'eu-west-1',
    accessToken: t.accessToken,
    expiresAt: t.expiresAt,
    clientId: t.clientId,
    clientSecret: t.clientSecret,
    registrationExpiresAt: Date.now() + 86_400_000,
    refreshToken: t.refreshToken,
  });
  certDir = await mkdtemp(join(tmpdir(), 'lanyard-ca-'));
  const ca = await makeTestCa(certDir, [
    '*.amazonaws.com',
    '*.eu-west-1.amazonaws.com',
    '*.sso.eu-west-1.amazonaws.com',
  ]);
  front = await startTlsFront(emu.url, ca);
  intercept = await startInterceptingProxy(front.url);
  viaIntercept = { ...sb.env, HTTPS_PROXY: intercept.url, AWS_CA_BUNDLE: ca.caFile };
  const legacy: SsoSession = {
    name: 'legacy',
    kind: 'legacy-profile',
    startUrl: LEGACY_URL,
    region: 'us-east-1',
    scopes: [],
  };
  await applyProfilesPlan(
    sb.paths,
    await planProfiles(sb.paths, {
      session: legacy,
      roles: rolesOf('legacy').slice(0, 1),
      template: 'legacy-{role}-{account_id}',
    }),
  );
});

afterAll(async () => {
  await Promise.all([emu?.close(), front?.close(), intercept?.close()]);
  await sb?.cleanup();
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

function profileNameFor(r: RoleEntry): string {
  return `${r.roleName}-${r.accountId}`;
}

describe('real AWS CLI v2 (/usr/bin/aws) reads the profiles Lanyard writes', () => {
  it('is really v2', async () => {
    const v = await awsCli(['--version'], sb.env);
    expect(v.stdout + v.stderr).toMatch(/^aws-cli\/2\./);
  });

  it('lists every profile, Lanyard-written and the user’s own', async () => {
    const out = await awsCli(['configure', 'list-profiles'], sb.env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const listed = out.stdout.trim().split('\n');
    for (const r of roles) expect(listed).toContain(profileNameFor(r));
    expect(listed).toEqual(expect.arrayContaining(['default', 'hand-made']));
    expect(listed.filter((n) => n.startsWith('legacy-'))).toHaveLength(1);
  });

  it('reads each key back (configure get)', async () => {
    const r = roles[roles.length - 1]!;
    const name = profileNameFor(r);
    const get = async (key: string) =>
      (await awsCli(['configure', 'get', key, '--profile', name], sb.env)).stdout.trim();
    const [account, role, ses, region, handMade, output] = await Promise.all([
      get('sso_account_id'),
      get('sso_role_name'),
      get('sso_session'),
      get('region'),
      awsCli(['configure', 'get', 'region', '--profile', 'hand-made'], sb.env),
      awsCli(['configure', 'get', 'output'], sb.env),
    ]);
    expect([account, role, ses, region]).toEqual([r.accountId, r.roleName, 'corp', 'eu-central-1']);
    // the user's own profiles are intact
    expect(handMade.stdout.trim()).toBe('ap-south-1');
    expect(output.stdout.trim()).toBe('table');
  });

  it('shows the profile (configure list), legacy form included', async () => {
    const name = profileNameFor(roles[0]!);
    // `configure list` resolves credentials: it reads Lanyard's token file and calls the portal.
    const out = await awsCli(['configure', 'list', '--profile', name], viaIntercept);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/access_key\s+\*+[A-Z0-9]{4}\s+sso/);
    expect(out.stdout).toMatch(new RegExp(`profile\\s+${name}\\s+manual\\s+--profile`));
    expect(out.stdout).toMatch(/region\s+eu-central-1\s+config-file/);
    const legacyName = (await awsCli(['configure', 'list-profiles'], sb.env)).stdout
      .split('\n')
      .find((n) => n.startsWith('legacy-'))!;
    const get = await awsCli(['configure', 'get', 'sso_start_url', '--profile', legacyName], sb.env);
    expect(get.stdout.trim()).toBe(LEGACY_URL);
  });
});

describe('AWS CLI v2 uses the token cache Lanyard writes', () => {
  it('exports role credentials for a Lanyard profile (the portal reached through the intercepting proxy)', async () => {
    const r = roles[2]!;
    const out = await awsCli(
      ['configure', 'export-credentials', '--profile', profileNameFor(r), '--format', 'env'],
      viaIntercept,
    );
    expect(out.stderr).toBe('');
    const key = /^export AWS_ACCESS_KEY_ID=(\S+)$/m.exec(out.stdout)?.[1];
    expect(emu.control.issuedRoleCredentials()).toContainEqual({
      accessKeyId: key,
      accountId: r.accountId,
      roleName: r.roleName,
    });
    expect(intercept.connects).toContain('portal.sso.eu-west-1.amazonaws.com:443');
  });
});

describe('botocore resolves credentials from the profiles and the token cache Lanyard writes', () => {
  it('gets the emulator’s role credentials for a Lanyard profile', async () => {
    const r = roles[1]!;
    const script = `
import botocore.session, json
c = botocore.session.Session(profile='${profileNameFor(r)}').get_credentials().get_frozen_credentials()
print(json.dumps({'key': c.access_key}))
`;
    const out = await python(script, { ...sb.env, ...emu.env });
    expect(out.stderr).not.toMatch(/Traceback/);
    const { key } = JSON.parse(out.stdout) as { key: string };
    expect(emu.control.issuedRoleCredentials()).toContainEqual({
      accessKeyId: key,
      accountId: r.accountId,
      roleName: r.roleName,
    });
  });
});
