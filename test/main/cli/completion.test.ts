import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SsoSession } from '../../../app/domain/session';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { runCli, signInWithEmulator, ssoSessionSection } from '../../support/cli-run';
import { session as corp } from '../../support/portal-session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const client: SsoSession = { ...corp, name: 'client', startUrl: 'https://d-9999999999.awsapps.com/start' };
const org = {
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'prod',
      emailAddress: 'p@example.com',
      roles: ['Admin', 'ReadOnly'],
    },
    { accountId: '222222222222', accountName: 'payments', emailAddress: 'q@example.com', roles: ['Billing'] },
  ],
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let bin: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  emu = await startEmulator({ org });
  sandbox = await createSandbox({ config: ssoSessionSection(corp) + ssoSessionSection(client) });
  env = { ...sandbox.env, ...emu.env };
  await signInWithEmulator(emu, sandbox, corp);
  const listed = await runCli(sandbox, env, ['roles', '--refresh']);
  expect(listed.code, listed.stderr).toBe(0);
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'node'], { cwd: repo, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // `lanyard` on PATH, as an installed CLI would be, so the scripts can call back.
  bin = await mkdtemp(join(tmpdir(), 'lanyard-bin-'));
  await symlink(join(repo, 'bin', 'lanyard.js'), join(bin, 'lanyard'));
  env.PATH = `${bin}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`;
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
  await rm(bin, { recursive: true, force: true });
});

function run(file: string, args: string[]): string[] {
  const r = spawnSync(file, args, { env, encoding: 'utf8', timeout: 20_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

describe('lanyard __complete (the rules every script calls)', () => {
  const candidates = async (...words: string[]) =>
    (await runCli(sandbox, env, ['__complete', '--', ...words])).stdout.split('\n').filter(Boolean);

  test('commands, options, sessions, accounts and roles from the cache', async () => {
    emu.control.resetCalls();
    expect(await candidates('')).toEqual(expect.arrayContaining(['roles', 'env', 'completion']));
    expect(await candidates('')).not.toContain('__complete');
    expect(await candidates('pro')).toEqual(['profiles']);
    expect(await candidates('env', '--f')).toEqual(['--format']);
    expect(await candidates('roles', '--session', '')).toEqual(['corp', 'client']);
    expect(await candidates('env', '')).toEqual(['payments', 'prod']);
    expect(await candidates('env', 'prod', '')).toEqual(['Admin', 'ReadOnly']);
    expect(await candidates('console', 'payments', '')).toEqual(['Billing']);
    expect(await candidates('credential-process', '--account', 'prod', '--role', 'R')).toEqual(['ReadOnly']);
    expect(await candidates('sessions', 'set', 'c')).toEqual(['corp', 'client']);
    expect(await candidates('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    // From the role cache only: completion never reaches Identity Center.
    expect(Object.values(emu.control.calls()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  test('--version prints package.json version', async () => {
    const r = await runCli(sandbox, env, ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe((await import('../../../package.json')).version);
  });
});

describe('completion scripts in their real shells', () => {
  test('bash: complete -p registers it; _lanyard fills COMPREPLY', () => {
    const out = run('bash', [
      '--norc',
      '--noprofile',
      '-c',
      'eval "$(lanyard completion bash)"; complete -p lanyard; ' +
        'COMP_WORDS=(lanyard env prod ""); COMP_CWORD=3; _lanyard; printf "%s\\n" "${COMPREPLY[@]}"; ' +
        'COMP_WORDS=(lanyard ro); COMP_CWORD=1; _lanyard; printf "%s\\n" "${COMPREPLY[@]}"',
    ]);
    expect(out).toEqual(['complete -o default -F _lanyard lanyard', 'Admin', 'ReadOnly', 'roles']);
  });

  test('fish: complete -C offers accounts, roles and commands', () => {
    const script =
      'lanyard completion fish | source; complete -C "lanyard env "; complete -C "lanyard env prod R"; complete -C "lanyard sta"';
    const out = run('fish', ['--no-config', '-c', script]).map((l) => l.split('\t')[0]);
    expect(out).toEqual(['payments', 'prod', 'ReadOnly', 'status']);
  });

  test('zsh: compinit registers _lanyard; it offers candidates through compadd', () => {
    const script =
      'autoload -Uz compinit; compinit -u -D; eval "$(lanyard completion zsh)"; print -r -- $_comps[lanyard]; ' +
      // Outside a completion widget compadd cannot run: print what it is given instead.
      'compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; print -rl -- "$@"; }; ' +
      'words=(lanyard env ""); CURRENT=3; _lanyard; words=(lanyard sessions set cl); CURRENT=4; _lanyard';
    const out = run('/usr/bin/zsh', ['-f', '-c', script]);
    expect(out).toEqual(['_lanyard', 'payments', 'prod', 'client']);
  });
});
