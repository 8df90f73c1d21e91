import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SsoSession } from '../../../app/domain/session';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { deleteTokenFile } from '../../../main/auth/token-cache';
import type { RolesJson } from '../../../main/cli/commands/roles';
import { runCli, signInWithEmulator, ssoSessionSection } from '../../support/cli-run';
import { session as corp } from '../../support/portal-session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const client: SsoSession = { ...corp, name: 'client', startUrl: 'https://d-9999999999.awsapps.com/start' };
const org = {
  accounts: [
    { accountId: '111111111111', accountName: 'prod', emailAddress: 'p@example.com', roles: ['Admin'] },
  ],
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  emu = await startEmulator({ org });
  sandbox = await createSandbox({ config: ssoSessionSection(corp) + ssoSessionSection(client) });
  env = { ...sandbox.env, ...emu.env };
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

async function sessionOf(extraEnv: Record<string, string>, ...argv: string[]): Promise<string> {
  const r = await runCli(sandbox, { ...env, ...extraEnv }, ['roles', '--json', '--refresh', ...argv]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as RolesJson).session;
}

describe('which session a command acts on', () => {
  test('two sessions, none signed in: AMBIGUOUS (exit 6) listing both', async () => {
    const r = await runCli(sandbox, env, ['roles']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('corp');
    expect(r.stderr).toContain('client');
    expect(r.stderr).toContain('sessions set NAME --default');
  });

  test('the only signed-in session is used when several are configured', async () => {
    await signInWithEmulator(emu, sandbox, client);
    expect(await sessionOf({})).toBe('client');
  });

  test('order: --session, then LANYARD_SESSION, then the default in the settings', async () => {
    await signInWithEmulator(emu, sandbox, corp);
    // Both signed in, no default: the person has to choose.
    expect((await runCli(sandbox, env, ['roles'])).code).toBe(6);
    expect(await sessionOf({ LANYARD_SESSION: 'client' })).toBe('client');
    const set = await runCli(sandbox, env, ['sessions', 'set', 'corp', '--default']);
    expect(set.code, set.stderr).toBe(0);
    expect(await sessionOf({})).toBe('corp');
    expect(await sessionOf({ LANYARD_SESSION: 'client' })).toBe('client');
    expect(await sessionOf({ LANYARD_SESSION: 'client' }, '--session', 'corp')).toBe('corp');
    const unknown = await runCli(sandbox, { ...env, LANYARD_SESSION: 'nope' }, ['roles']);
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toContain('LANYARD_SESSION');
    expect((await runCli(sandbox, env, ['sessions', 'set', 'corp', '--no-default'])).code).toBe(0);
    expect((await runCli(sandbox, env, ['roles'])).code).toBe(6);
  });

  test('a default signed out still wins over the only signed-in one (and says so: exit 3)', async () => {
    expect((await runCli(sandbox, env, ['sessions', 'set', 'corp', '--default'])).code).toBe(0);
    await deleteTokenFile(sandbox.paths, corp);
    const r = await runCli(sandbox, env, ['roles', '--refresh']);
    expect(r.code).toBe(3);
  });
});

describe('names from the portal', () => {
  test('a word match is used and shown on a terminal; exact names are not echoed', async () => {
    emu.control.setOrg({
      accounts: [
        {
          accountId: '111111111111',
          accountName: 'prod',
          emailAddress: 'p@example.com',
          roles: ['NetworkAdministrator', 'SystemAdministrator', 'Admin-Team', 'Billing'],
        },
      ],
    });
    await signInWithEmulator(emu, sandbox, corp);
    const e = { ...env, LANYARD_SESSION: 'corp' };
    expect((await runCli(sandbox, e, ['roles', '--refresh'])).code).toBe(0);
    const r = await runCli(sandbox, e, ['env', 'prod', 'admin', '--format', 'json'], { tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Using prod (111111111111) / Admin-Team');
    const exact = await runCli(sandbox, e, ['env', 'prod', 'Billing', '--format', 'json'], { tty: true });
    expect(exact.stderr).toBe('');
    // Two whole-word matches: nothing is picked.
    const amb = await runCli(sandbox, e, ['env', 'prod', 'administrator']);
    expect(amb.code).toBe(6);
    expect(amb.stderr).toContain('NetworkAdministrator');
    expect(amb.stderr).toContain('SystemAdministrator');
  });
});
