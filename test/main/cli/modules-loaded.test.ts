// Each command loads only what it uses (issue 13's start-up work): the built CLI runs as users run
// it, with a module resolve hook that records every package it loads. Which packages a command loads
// is a property that does not depend on the machine's speed, so it is checked here; how long the
// commands take is printed by bench/cli.bench.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { runCli, signInWithEmulator, ssoSessionSection } from '../../support/cli-run';
import { session } from '../../support/portal-session';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const org = {
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'payments-prd',
      emailAddress: 'p@example.com',
      roles: ['Admin'],
    },
    {
      accountId: '222222222222',
      accountName: 'payments-dev',
      emailAddress: 'd@example.com',
      roles: ['Admin'],
    },
  ],
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let env: Record<string, string | undefined>;
let register: string;
let log: string;

beforeAll(async () => {
  emu = await startEmulator({ org });
  sandbox = await createSandbox({ config: ssoSessionSection(session) });
  env = { ...sandbox.env, ...emu.env };
  await signInWithEmulator(emu, sandbox, session);
  // The role cache and the AWS CLI's credential cache, as a day's first commands leave them.
  expect((await runCli(sandbox, env, ['roles', '--refresh'])).code).toBe(0);
  expect((await runCli(sandbox, env, ['env', 'payments-prd', 'Admin'])).code).toBe(0);
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'node'], { cwd: repo, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);

  log = join(sandbox.paths.home, 'loaded.txt');
  const hooks = join(sandbox.paths.home, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}\n`,
  );
  register = join(sandbox.paths.home, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

/** The npm packages a whole `lanyard ARGV` process loaded, sorted. */
function packagesLoaded(argv: string[]): string[] {
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', register, join(repo, 'bin', 'lanyard.js'), ...argv], {
    env,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const packages = readFileSync(log, 'utf8')
    .split('\n')
    .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
    .filter((p): p is string => p !== undefined);
  return [...new Set(packages)].sort();
}

describe('each command loads only what it uses', () => {
  test('--help and status --json: commander alone', () => {
    expect(packagesLoaded(['--help'])).toEqual(['commander']);
    expect(packagesLoaded(['status', '--json'])).toEqual(['commander']);
  });

  test('roles --json from the cache: no search, no settings store (conf, zod), no SDK', () => {
    expect(packagesLoaded(['roles', '--json'])).toEqual(['commander']);
    // A query is the window's fuzzy search.
    expect(packagesLoaded(['roles', '--json', 'prd'])).toEqual(['commander', 'fuzzysort']);
  });

  test('env and credential-process on a credential cache hit: no SDK; fuzzysort only for a fuzzy name', () => {
    expect(packagesLoaded(['env', 'payments-prd', 'Admin'])).toEqual(['commander']);
    expect(packagesLoaded(['credential-process', '--account', '111111111111', '--role', 'Admin'])).toEqual([
      'commander',
    ]);
    expect(packagesLoaded(['env', 'pymntsprd', 'Admin'])).toEqual(['commander', 'fuzzysort']);
    expect(emu.control.calls().GetRoleCredentials).toBe(1);
  });
});
