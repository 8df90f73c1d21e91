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

/** Node's modules that only calling out, signing in or opening a browser needs. */
const callingOut = ['node:child_process', 'node:http', 'node:https', 'node:net'];

/**
 * The npm packages a whole `lanyard ARGV` process loaded, sorted (commander is bundled into the CLI,
 * so it is not one), plus any of `callingOut` it imported.
 */
function packagesLoaded(argv: string[]): string[] {
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', register, join(repo, 'bin', 'lanyard.js'), ...argv], {
    env,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n');
  const packages = urls
    .map(
      (url) =>
        /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ??
        (callingOut.includes(url) ? url : undefined),
    )
    .filter((p): p is string => p !== undefined);
  return [...new Set(packages)].sort();
}

describe('each command loads only what it uses', () => {
  test('--help and status --json: no package, nothing that calls out', () => {
    expect(packagesLoaded(['--help'])).toEqual([]);
    expect(packagesLoaded(['status', '--json'])).toEqual([]);
  });

  test('roles --json from the cache: no search, no settings store (conf, zod), no SDK, no commander package', () => {
    expect(packagesLoaded(['roles', '--json'])).toEqual([]);
    // A query is the window's fuzzy search.
    expect(packagesLoaded(['roles', '--json', 'prd'])).toEqual(['fuzzysort']);
  });

  test('env and credential-process on a credential cache hit: no SDK; fuzzysort only for a fuzzy name', () => {
    expect(packagesLoaded(['env', 'payments-prd', 'Admin'])).toEqual([]);
    expect(packagesLoaded(['credential-process', '--account', '111111111111', '--role', 'Admin'])).toEqual(
      [],
    );
    expect(packagesLoaded(['env', 'pymntsprd', 'Admin'])).toEqual(['fuzzysort']);
    expect(emu.control.calls().GetRoleCredentials).toBe(1);
  });

  test('a command that calls out loads what it needs (the hook sees it)', async () => {
    // Not spawnSync: the emulator answers from this process's event loop.
    writeFileSync(log, '');
    const { execFile } = await import('node:child_process');
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', register, join(repo, 'bin', 'lanyard.js'), 'roles', '--refresh', '--json'],
        { env },
        (e) => (e ? reject(new Error(e.message)) : resolve()),
      ),
    );
    const urls = readFileSync(log, 'utf8').split('\n');
    expect(urls).toContain('node:http');
    expect(urls.some((u) => u.includes('/node_modules/@aws-sdk/client-sso/'))).toBe(true);
  });
});
