import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { runCli, signInWithEmulator, ssoSessionSection } from '../../support/cli-run';
import { session } from '../../support/portal-session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// The accounts and roles the examples name.
const org = {
  accounts: [
    {
      accountId: '123456789012',
      accountName: 'payments-prod',
      emailAddress: 'p@example.com',
      roles: ['AdministratorAccess', 'ReadOnlyAccess'],
    },
    {
      accountId: '210987654321',
      accountName: 'payments-dev',
      emailAddress: 'd@example.com',
      roles: ['ReadOnlyAccess'],
    },
  ],
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  emu = await startEmulator({ org });
  emu.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({ config: ssoSessionSection(session) });
  env = { ...sandbox.env, ...emu.env, LANYARD_FEDERATION_URL: emu.url };
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

/** The "browser" signs in (emulator sign-in pages, the loopback redirect), never opens the console. */
const signInPages = (url: string) =>
  url.startsWith('http://127.0.0.1') && !new URL(url).pathname.startsWith('/federation');

/** `a "b c" 'd'` → ['a', 'b c', 'd']: enough of the shell for one example line. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

async function help(path: string[]): Promise<string> {
  const r = await runCli(sandbox, env, [...path, '--help']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** Every "$ lanyard …" line of the "Examples:" section of each command's --help, subcommands included. */
async function allExamples(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const names = (text: string) =>
    [...(text.split('Commands:\n')[1] ?? '').matchAll(/^ {2}([a-z][\w-]*)/gm)]
      .map((m) => m[1]!)
      .filter((n) => n !== 'help');
  const visit = async (path: string[]) => {
    const text = await help(path);
    const section = text.split('\nExamples:\n')[1] ?? '';
    found.set(
      path.join(' '),
      [...section.matchAll(/^\s+\$ lanyard (.+)$/gm)].map((m) => m[1]!),
    );
    for (const sub of names(text)) await visit([...path, sub]);
  };
  await visit([]);
  return found;
}

describe('every example in --help works', () => {
  test('each command shows examples, and each one exits 0 against the emulator', async () => {
    const byCommand = await allExamples();
    const top = [
      'login',
      'logout',
      'status',
      'sessions',
      'roles',
      'env',
      'console',
      'profiles',
      'credential-process',
      'completion',
    ];
    for (const c of top) expect(byCommand.get(c)?.length ?? 0, `examples of ${c}`).toBeGreaterThan(0);
    const lines = [...byCommand.values()].flat();
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines) {
      // Each starts signed in, whatever the one before did (logout --all).
      await signInWithEmulator(emu, sandbox, session);
      const r = await runCli(sandbox, env, words(line), { follow: signInPages });
      expect(r.code, `lanyard ${line}\n${r.stderr}`).toBe(0);
    }
  });

  test('the check can fail: a template placeholder that does not exist is rejected', async () => {
    await signInWithEmulator(emu, sandbox, session);
    const r = await runCli(sandbox, env, ['profiles', '--template', '{role_name}-{account_id}']);
    expect(r.code).not.toBe(0);
  });
});
