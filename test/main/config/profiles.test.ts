import { chmod, lstat, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import { isLanyardError } from '../../../app/errors';
import { MANAGED_MARKER } from '../../../app/ini/edit';
import { applyProfilesPlan, planProfiles } from '../../../main/config/profiles';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-1.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const role = (accountId: string, roleName: string, accountName = 'acct'): RoleEntry => ({
  sessionName: 'corp',
  accountId,
  accountName,
  emailAddress: 'x@example.com',
  roleName,
});
const roles = [role('111111111111', 'Admin'), role('222222222222', 'ReadOnly')];

const userText = `# my settings
[default]
region = eu-west-1

[profile Admin-111111111111]
region = ap-south-1
`;

let sb: Sandbox;
beforeEach(async () => {
  sb = await createSandbox();
});
afterEach(async () => sb.cleanup());

async function write(session = corp, rs = roles, extra: { prune?: boolean; template?: string } = {}) {
  const plan = await planProfiles(sb.paths, { session, roles: rs, ...extra });
  return { plan, result: await applyProfilesPlan(sb.paths, plan) };
}

describe('planProfiles / applyProfilesPlan', () => {
  it('creates ~/.aws and a 0600 config when there is none', async () => {
    await rm(sb.awsDir, { recursive: true });
    const { plan, result } = await write();
    expect(plan.added).toEqual(['Admin-111111111111', 'ReadOnly-222222222222']);
    expect(result.written).toBe(true);
    expect((await stat(sb.paths.awsConfigFile)).mode & 0o777).toBe(0o600);
    expect(await sb.readConfig()).toBe(
      `[profile Admin-111111111111]\n${MANAGED_MARKER}\nsso_session = corp\nsso_account_id = 111111111111\n` +
        `sso_role_name = Admin\nregion = us-east-1\n[profile ReadOnly-222222222222]\n${MANAGED_MARKER}\n` +
        `sso_session = corp\nsso_account_id = 222222222222\nsso_role_name = ReadOnly\nregion = us-east-1\n`,
    );
  });

  it('is idempotent: the second run changes nothing and does not rewrite', async () => {
    await sb.writeConfig(userText);
    await write();
    const first = await readFile(sb.paths.awsConfigFile);
    const mtime = (await stat(sb.paths.awsConfigFile)).mtimeMs;
    const { plan, result } = await write();
    expect(plan).toMatchObject({ added: [], updated: [], removed: [], diff: '' });
    expect(plan.after).toBe(plan.before);
    expect(result.written).toBe(false);
    expect((await readFile(sb.paths.awsConfigFile)).equals(first)).toBe(true);
    expect((await stat(sb.paths.awsConfigFile)).mtimeMs).toBe(mtime);
  });

  it("skips the person's same-named profile and leaves it untouched", async () => {
    await sb.writeConfig(userText);
    const { plan } = await write();
    expect(plan.skipped).toEqual([
      { name: 'Admin-111111111111', reason: expect.stringMatching(/not created by Lanyard/) as string },
    ]);
    expect(plan.added).toEqual(['ReadOnly-222222222222']);
    expect((await sb.readConfig()).startsWith(userText)).toBe(true);
  });

  it('updates its own profiles in place and keeps the lines a person added', async () => {
    await write();
    const edited = (await sb.readConfig()).replace(
      'region = us-east-1\n',
      'region = us-east-1\noutput = table\n',
    );
    await sb.writeConfig(edited);
    const { plan } = await write(corp, roles, {});
    expect(plan.unchanged).toHaveLength(2);
    const regional = await planProfiles(sb.paths, { session: corp, roles, region: 'eu-central-1' });
    expect(regional.updated).toEqual(['Admin-111111111111', 'ReadOnly-222222222222']);
    expect(regional.diff).toMatch(/^-region = us-east-1$/m);
    expect(regional.diff).toMatch(/^\+region = eu-central-1$/m);
    await applyProfilesPlan(sb.paths, regional);
    expect(await sb.readConfig()).toContain('region = eu-central-1\noutput = table\n');
  });

  it('prunes only marker-bearing profiles of this session', async () => {
    const other: SsoSession = { ...corp, name: 'other' };
    await write();
    await write(other, [role('333333333333', 'Dev')]);
    await writeFile(
      sb.paths.awsConfigFile,
      (await sb.readConfig()) +
        '[profile mine]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Gone\n',
    );
    const { plan } = await write(corp, [role('111111111111', 'Admin')], { prune: true });
    expect(plan.removed).toEqual(['ReadOnly-222222222222']);
    const text = await sb.readConfig();
    expect(text).toContain('[profile Dev-333333333333]');
    expect(text).toContain('[profile mine]');
    expect(text).not.toContain('ReadOnly');
    expect(text).toMatch(/\[profile Admin-111111111111\][^[]*\n\[profile Dev-333333333333\]/);
    const { plan: noPrune } = await write(corp, [], {});
    expect(noPrune.removed).toEqual([]);
  });

  it('pruning keeps a comment that followed the removed profile', async () => {
    await write();
    const withNote = (await sb.readConfig()).replace(
      '[profile ReadOnly',
      '# about ReadOnly\n\n[profile ReadOnly',
    );
    await sb.writeConfig(withNote + '\n# notes on the next one\n[profile mine]\nregion = x\n');
    await write(corp, [role('222222222222', 'ReadOnly')], { prune: true });
    const text = await sb.readConfig();
    expect(text).not.toContain('Admin-111111111111');
    expect(text).toContain('# about ReadOnly\n\n[profile ReadOnly');
    expect(text).toMatch(/# notes on the next one\n\[profile mine\]\nregion = x\n$/);
  });

  it('gives colliding names a deterministic suffix', async () => {
    const rs = [role('111111111111', 'Admin', 'Dev Team'), role('222222222222', 'Admin', 'Dev/Team')];
    const a = await planProfiles(sb.paths, { session: corp, roles: rs, template: '{role}-{account_name}' });
    const b = await planProfiles(sb.paths, {
      session: corp,
      roles: [...rs].reverse(),
      template: '{role}-{account_name}',
    });
    expect(a.added).toEqual(['Admin-Dev-Team', 'Admin-Dev/Team']);
    expect(b.after).toBe(a.after);
    const clash = [role('111111111111', 'Admin', 'x y'), role('222222222222', 'Admin', 'x-y')];
    const c = await planProfiles(sb.paths, {
      session: corp,
      roles: clash,
      template: '{role}-{account_name}',
    });
    expect(c.added).toEqual(['Admin-x-y', 'Admin-x-y-2']);
    expect(c.notes[0]).toMatch(/Admin-x-y-2/);
  });

  it('writes legacy profiles with the start URL and region instead of sso_session', async () => {
    const legacy: SsoSession = { ...corp, name: 'old', kind: 'legacy-profile', scopes: [] };
    await write(legacy, [role('111111111111', 'Admin')]);
    const text = await sb.readConfig();
    expect(text).toContain('sso_start_url = https://d-1.awsapps.com/start\nsso_region = us-east-1\n');
    expect(text).not.toContain('sso_session');
  });

  it('keeps a CRLF file CRLF, and a file without a final newline gets one only where needed', async () => {
    await sb.writeConfig('[default]\r\nregion = eu-west-1\r\n[profile x]\r\nregion = y');
    await write();
    const text = await sb.readConfig();
    expect(
      text.startsWith('[default]\r\nregion = eu-west-1\r\n[profile x]\r\nregion = y\r\n[profile Admin'),
    ).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes through a symlinked config; the link stays a link', async () => {
    const real = join(sb.home, 'dotfiles', 'aws-config');
    await mkdir(join(sb.home, 'dotfiles'));
    await writeFile(real, userText);
    await symlink(real, sb.paths.awsConfigFile);
    const { result } = await write();
    expect(result.backupPath).toBe(`${sb.paths.awsConfigFile}.lanyard.bak`);
    expect((await lstat(sb.paths.awsConfigFile)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toContain('[profile ReadOnly-222222222222]');
    expect(await readFile(`${sb.paths.awsConfigFile}.lanyard.bak`, 'utf8')).toBe(userText);
  });

  it('a read-only config gives a clear error and stays unchanged', async () => {
    await sb.writeConfig(userText);
    await chmod(sb.paths.awsConfigFile, 0o444);
    const before = await sb.snapshot();
    const plan = await planProfiles(sb.paths, { session: corp, roles });
    const e: unknown = await applyProfilesPlan(sb.paths, plan).catch((err: unknown) => err);
    expect(isLanyardError(e) && e.code).toBe('FILE');
    expect((e as Error).message).toMatch(/read-only/);
    expect(await sb.snapshot()).toEqual(before);
  });

  it('keeps an edit another program made between plan and apply', async () => {
    await sb.writeConfig(userText);
    const plan = await planProfiles(sb.paths, { session: corp, roles });
    await writeFile(sb.paths.awsConfigFile, userText + '[profile added-meanwhile]\nregion = sa-east-1\n');
    const result = await applyProfilesPlan(sb.paths, plan);
    expect(result.written).toBe(true);
    const text = await sb.readConfig();
    expect(text.startsWith(userText + '[profile added-meanwhile]\nregion = sa-east-1\n')).toBe(true);
    expect(text).toContain('[profile ReadOnly-222222222222]');
  });

  it('refuses bad input without touching the file', async () => {
    await sb.writeConfig(userText);
    const err = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    const e1 = await err(planProfiles(sb.paths, { session: corp, roles, region: 'us east' }));
    expect(isLanyardError(e1) && e1.code).toBe('BAD_INPUT');
    const e2 = await err(planProfiles(sb.paths, { session: corp, roles, template: '{nope}' }));
    expect(isLanyardError(e2) && e2.code).toBe('BAD_INPUT');
    expect(await sb.readConfig()).toBe(userText);
  });
});
