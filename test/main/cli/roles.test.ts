import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { main } from '../../../main/cli/main';
import type { CliContext } from '../../../main/cli/context';
import type { RolesJson } from '../../../main/cli/commands/roles';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { python } from '../../interop/support/tools';
import { session } from '../../support/portal-session';
import { signInWithEmulator } from '../../support/cli-run';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const config = `[sso-session corp]\nsso_start_url = ${session.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const org = {
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'prod',
      emailAddress: 'p@example.com',
      roles: ['Admin', 'ReadOnly'],
    },
    {
      accountId: '222222222222',
      accountName: 'sandbox-alice',
      emailAddress: 'a@example.com',
      roles: ['Admin'],
    },
    {
      accountId: '333333333333',
      accountName: 'sandbox-bob',
      emailAddress: 'b@example.com',
      roles: ['Admin'],
    },
  ],
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator({ org });
  sandbox = await createSandbox({ config });
  env = { ...sandbox.env, ...emu.env, LANYARD_FEDERATION_URL: emu.url };
  await signInWithEmulator(emu, sandbox, session);
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'node'], { cwd: repo, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

type Run = { code: number; stdout: string; stderr: string; opened: string[] };

async function lanyard(...argv: string[]): Promise<Run> {
  return lanyardWith({}, ...argv);
}

async function lanyardWith(opts: { tty?: boolean }, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const opened: string[] = [];
  const ctx: CliContext = {
    paths: sandbox.paths,
    env,
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s), isTTY: opts.tty },
    openUrl: (u) => {
      opened.push(u);
      return Promise.resolve();
    },
    signal: new AbortController().signal,
    now: Date.now,
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr, opened };
}

function shell(file: string, args: string[], script: string): string {
  const r = spawnSync(file, args, { input: script, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('lanyard roles / env / console / credential-process / profiles', () => {
  test('roles: lists live first, then from cache; filter; stable JSON', async () => {
    const first = await lanyard('roles', '--json');
    expect(first.code, first.stderr).toBe(0);
    const json = JSON.parse(first.stdout) as RolesJson;
    expect(json).toMatchObject({ version: 1, session: 'corp', source: 'live' });
    expect(Object.keys(json)).toEqual(['version', 'session', 'source', 'updatedAt', 'roles']);
    expect(json.roles.map((r) => Object.keys(r))).toEqual(
      json.roles.map(() => ['accountId', 'accountName', 'emailAddress', 'roleName']),
    );
    expect(json.roles.map((r) => `${r.accountName}/${r.roleName}`)).toEqual([
      'prod/Admin',
      'prod/ReadOnly',
      'sandbox-alice/Admin',
      'sandbox-bob/Admin',
    ]);
    const again = JSON.parse((await lanyard('roles', '--json', 'sandbox')).stdout) as RolesJson;
    expect(again.source).toBe('cache');
    // Best match first, as the window orders them.
    expect(again.roles.map((r) => r.accountId).sort()).toEqual(['222222222222', '333333333333']);
    const text = await lanyard('roles', 'prod');
    expect(text.stdout).toBe(
      'ACCOUNT  ID            ROLE\nprod     111111111111  Admin\nprod     111111111111  ReadOnly\n',
    );
  });

  test('roles FILTER ranks the favorites of settings.json first, as the window does', async () => {
    const settings = join(sandbox.paths.dataDir, 'settings.json');
    await writeFile(settings, JSON.stringify({ favorites: ['corp/333333333333/Admin'] }));
    try {
      const starred = JSON.parse((await lanyard('roles', '--json', 'sandbox')).stdout) as RolesJson;
      expect(starred.roles.map((r) => r.accountName)).toEqual(['sandbox-bob', 'sandbox-alice']);
      // A damaged field reads as unset: the command still answers, and the file is left for the store.
      const damaged = JSON.stringify({ favorites: 'sandbox-bob' });
      await writeFile(settings, damaged);
      const r = await lanyard('roles', '--json', 'sandbox');
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as RolesJson).roles).toHaveLength(2);
      expect(await readFile(settings, 'utf8')).toBe(damaged);
    } finally {
      await rm(settings, { force: true });
    }
  });

  test('env: bash and fish evaluate the output to the emulator-issued credentials', async () => {
    const posix = await lanyard('env', 'prod', 'admin', '--region', 'eu-west-1');
    expect(posix.code, posix.stderr).toBe(0);
    const issued = emu.control.issuedRoleCredentials().at(-1)!;
    expect(issued).toMatchObject({ accountId: '111111111111', roleName: 'Admin' });
    const out = shell(
      'bash',
      ['--norc', '--noprofile'],
      `${posix.stdout}printf '%s|%s|%s' "$AWS_ACCESS_KEY_ID" "$AWS_REGION" "$AWS_CREDENTIAL_EXPIRATION"`,
    );
    const [key, region, exp] = out.split('|');
    expect(key).toBe(issued.accessKeyId);
    expect(region).toBe('eu-west-1');
    expect(exp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const fish = await lanyard('env', '111111111111', 'ReadOnly', '--format', 'fish');
    const dir = await mkdtemp(join(tmpdir(), 'lanyard-fish-'));
    await writeFile(join(dir, 'env.fish'), `${fish.stdout}printf '%s' $AWS_SECRET_ACCESS_KEY\n`);
    const r = spawnSync('fish', ['--no-config', join(dir, 'env.fish')], { encoding: 'utf8' });
    await rm(dir, { recursive: true });
    expect(r.stdout.length).toBeGreaterThan(10);
    expect(fish.stdout).toContain(`set -gx AWS_SECRET_ACCESS_KEY '${r.stdout}'`);
  });

  test('unknown and ambiguous accounts: candidates on stderr, exit 6, nothing on stdout', async () => {
    const amb = await lanyard('env', 'sandbox', 'Admin');
    expect(amb.code).toBe(6);
    expect(amb.stdout).toBe('');
    expect(amb.stderr).toContain('sandbox-alice (222222222222)');
    expect(amb.stderr).toContain('sandbox-bob (333333333333)');
    const unknownRole = await lanyard('env', 'prod', 'Billing');
    expect(unknownRole.code).toBe(6);
    expect(unknownRole.stderr).toContain('ReadOnly');
    const unknownAccount = await lanyard('console', 'nothing-like-it', 'Admin', '--print');
    expect(unknownAccount.code).toBe(6);
    const badFormat = await lanyard('env', 'prod', 'Admin', '--format', 'csh');
    expect(badFormat.code).toBe(2);
    const forbidden = await lanyard('env', '111111111111', 'NotAssigned');
    expect(forbidden.code).toBe(8);
    expect(forbidden.stderr).toContain('no access to NotAssigned in 111111111111');
  });

  test('console: --print gives a login URL that redirects to the destination; otherwise it is opened', async () => {
    const printed = await lanyard(
      'console',
      'prod',
      'Admin',
      '--region',
      'eu-west-1',
      '--service',
      'lambda',
      '--print',
    );
    expect(printed.code, printed.stderr).toBe(0);
    const res = await fetch(printed.stdout.trim(), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1',
    );
    const opened = await lanyard('console', 'prod', 'Admin', '--portal-link');
    expect(opened.code).toBe(0);
    expect(opened.opened).toEqual([`${session.startUrl}/#/console?account_id=111111111111&role_name=Admin`]);
    expect((await lanyard('console', 'prod', 'Admin', '--duration', '10', '--print')).code).toBe(2);
  });

  test('credential-process: botocore resolves a credential_process profile to the emulator keys', async () => {
    const cmd = `${process.execPath} ${join(repo, 'bin', 'lanyard.js')} credential-process --session corp --account 111111111111 --role Admin`;
    await sandbox.writeConfig(`${config}\n[profile cp]\ncredential_process = ${cmd}\n`);
    const r = await python(
      'import botocore.session, json\n' +
        "c = botocore.session.Session(profile='cp').get_credentials().get_frozen_credentials()\n" +
        'print(json.dumps([c.access_key, c.secret_key, c.token]))\n',
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const [key] = JSON.parse(r.stdout) as string[];
    const issued = emu.control.issuedRoleCredentials().map((c) => c.accessKeyId);
    expect(issued).toContain(key);
    await sandbox.writeConfig(config);
  });

  test('profiles: dry run by default, --write applies, botocore uses a written profile against the emulator', async () => {
    const before = await sandbox.readConfig();
    const dry = await lanyard('profiles');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+[profile Admin-111111111111]');
    expect(dry.stderr).toContain('Nothing written');
    expect(await sandbox.readConfig()).toBe(before);
    const wrote = await lanyard('profiles', '--write', '--region', 'eu-west-1');
    expect(wrote.code, wrote.stderr).toBe(0);
    const after = await sandbox.readConfig();
    expect(after.startsWith(before)).toBe(true);
    expect(after).toContain('[profile ReadOnly-111111111111]');
    const r = await python(
      'import botocore.session, json\n' +
        "s = botocore.session.Session(profile='ReadOnly-111111111111')\n" +
        'c = s.get_credentials().get_frozen_credentials()\n' +
        "print(json.dumps([c.access_key, s.get_config_variable('region')]))\n",
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const [key, region] = JSON.parse(r.stdout) as string[];
    expect(emu.control.issuedRoleCredentials().find((c) => c.accessKeyId === key)).toMatchObject({
      accountId: '111111111111',
      roleName: 'ReadOnly',
    });
    expect(region).toBe('eu-west-1');
  });

  test('profiles --write on a read-only config fails clearly and changes nothing', async () => {
    await sandbox.writeConfig(config);
    const file = sandbox.paths.awsConfigFile;
    await chmod(file, 0o444);
    try {
      const r = await lanyard('profiles', '--write');
      expect(r.code).toBe(7);
      expect(r.stderr).toMatch(/read-only|cannot|permission/i);
      expect(await readFile(file, 'utf8')).toBe(config);
    } finally {
      await chmod(file, 0o600);
    }
  });

  test('roles --refresh on a terminal shows a progress line on stderr, table on stdout', async () => {
    const r = await lanyardWith({ tty: true }, 'roles', '--refresh');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Listing roles \[[#.]+\] \d+\/\d+\+? accounts/);
    expect(r.stdout.split('\n')[0]).toBe('ACCOUNT        ID            ROLE');
    expect(r.stdout).not.toContain('Listing');
  });

  test('not signed in: exit 3 with a clear message, nothing on stdout', async () => {
    const file = sandbox.cacheFile('ee0bfd2552fbd840c02cc48b6e823320543c450f.json');
    const saved = await readFile(file, 'utf8');
    await rm(file);
    try {
      const r = await lanyard('env', 'prod', 'Admin');
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/sign/i);
    } finally {
      await writeFile(file, saved, { mode: 0o600 });
    }
  });

  test('a malformed config is reported, not guessed at', async () => {
    await sandbox.writeConfig('[sso-session corp\nsso_start_url = nope\n');
    const r = await lanyard('roles');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    await sandbox.writeConfig(config);
  });
});
