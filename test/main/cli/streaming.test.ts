import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import type { RoleLine } from '../../../main/cli/commands/roles';
import { formatProgress } from '../../../main/cli/shared/roles';
import { runCli, signInWithEmulator, ssoSessionSection } from '../../support/cli-run';
import { session } from '../../support/portal-session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const org = {
  accounts: [
    ...Array.from({ length: 16 }, (_, i) => ({
      accountId: String(100000000000 + i),
      accountName: `team-${String(i).padStart(2, '0')}`,
      emailAddress: `t${i}@example.com`,
      roles: ['Admin', 'ReadOnly'],
    })),
    {
      accountId: '200000000001',
      accountName: 'payments-prd',
      emailAddress: 'pp@example.com',
      roles: ['AdministratorAccess', 'ReadOnlyAccess'],
    },
    {
      accountId: '200000000002',
      accountName: 'payments-dev',
      emailAddress: 'pd@example.com',
      roles: ['AdministratorAccess', 'ReadOnlyAccess'],
    },
  ],
};
const accounts = org.accounts.length;

let emu: RunningEmulator;
let sandbox: Sandbox;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  // Paced at 8 requests/s, the listing takes about two seconds, one account per 125 ms.
  emu = await startEmulator({ org, latencyMs: 30 });
  sandbox = await createSandbox({ config: ssoSessionSection(session) });
  env = { ...sandbox.env, ...emu.env, LANYARD_PORTAL_RATE: '8' };
  await signInWithEmulator(emu, sandbox, session);
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'node'], { cwd: repo, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

describe('roles --refresh --ndjson streams', () => {
  test('the first role line arrives while the listing still has accounts to ask for', async () => {
    emu.control.resetCalls();
    const child = spawn(
      process.execPath,
      [join(repo, 'bin', 'lanyard.js'), 'roles', '--refresh', '--ndjson'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    const lines: RoleLine[] = [];
    let callsAtFirstLine: number | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      // No clock involved: what the emulator has been asked when the first line is read.
      callsAtFirstLine ??= emu.control.calls().ListAccountRoles ?? 0;
      lines.push(JSON.parse(line) as RoleLine);
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toBe(''); // not a terminal: no progress bar
    expect(callsAtFirstLine).toBeLessThan(accounts);
    expect(emu.control.calls().ListAccountRoles).toBe(accounts);
    expect(lines).toHaveLength(accounts * 2);
    expect(lines[0]).toMatchObject({ session: 'corp', roleName: expect.any(String) as string });
    expect(new Set(lines.map((l) => `${l.accountId}/${l.roleName}`)).size).toBe(accounts * 2);
  });

  test('--ndjson from the cache, filtered with the window search', async () => {
    const r = await runCli(sandbox, env, ['roles', '--ndjson', 'team-03 read']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RoleLine);
    expect(lines[0]).toMatchObject({ accountName: 'team-03', roleName: 'ReadOnly' });
    expect((await runCli(sandbox, env, ['roles', '--ndjson', '--json'])).code).toBe(2);
    // The words the window finds it with find it here too (a substring filter found nothing).
    const table = await runCli(sandbox, env, ['roles', 'prd', 'adm']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[1]).toMatch(/^payments-prd\s+200000000001\s+AdministratorAccess$/);
    expect(table.stdout).not.toContain('payments-dev');
  });

  test('on a terminal, a progress bar with done/total, rate and throttling on stderr', async () => {
    const r = await runCli(sandbox, env, ['roles', '--refresh', '--ndjson'], { tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Listing roles \[[#.]{20}\] \d+\/\d+\+? accounts · \d+\.\d\/s/);
    expect(r.stdout).not.toContain('Listing');
    const p = { sessionName: 'corp', accountsDone: 5, accountsTotal: 10, throttled: true } as const;
    expect(formatProgress({ ...p, phase: 'roles' }, 2000)).toBe(
      'Listing roles [##########..........] 5/10 accounts · 2.5/s · throttled (Identity Center asked to slow down)',
    );
    expect(formatProgress({ ...p, phase: 'accounts', throttled: false }, 1000)).toContain(
      '5/10+ accounts · 5.0/s',
    );
  });
});

/** The built CLI with its stdout a pipe this process reads from, and its stderr collected. */
function spawnCli(argv: string[]) {
  const child = spawn(process.execPath, [join(repo, 'bin', 'lanyard.js'), ...argv], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('close', r));
  return { child, exited, stderr: () => stderr };
}

describe('a reader that goes away (`| head`)', () => {
  test('ends the output quietly: exit 0, no EPIPE trace', async () => {
    const run = spawnCli(['roles', '--json']);
    // Closed before the CLI has started, so its one write finds no reader.
    run.child.stdout.destroy();
    expect(await run.exited, run.stderr()).toBe(0);
    expect(run.stderr()).toBe('');
  });

  test('stops a streaming listing after the first line it was read', async () => {
    emu.control.resetCalls();
    const run = spawnCli(['roles', '--refresh', '--ndjson']);
    const first = await new Promise<string>((resolve) =>
      run.child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
    );
    run.child.stdout.destroy();
    expect(await run.exited, run.stderr()).toBe(0);
    expect(run.stderr()).toBe('');
    expect(first).toContain('"roleName"');
    // The next line's write failed, and the listing stopped there instead of asking for every account.
    expect(emu.control.calls().ListAccountRoles).toBeLessThan(accounts);
  });
});
