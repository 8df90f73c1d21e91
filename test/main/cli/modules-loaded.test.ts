// Each command loads only what it uses (issue 13's start-up work): the built CLI runs as users run
// it, with a module resolve hook that records every package it loads. Which packages a command loads
// is a property that does not depend on the machine's speed, so it is checked here; how long the
// commands take is printed by bench/cli.bench.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
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
let builtinsLog: string;
let recordBuiltins: string;

beforeAll(async () => {
  emu = await startEmulator({ org });
  sandbox = await createSandbox({ config: ssoSessionSection(session) });
  env = { ...sandbox.env, ...emu.env };
  // A config last edited a minute ago, so the runs below remember its sessions (main/config/remembered.ts)
  // and the checked runs are the warm ones, with nothing to write.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(sandbox.paths.awsConfigFile, aMinuteAgo, aMinuteAgo);
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
  // The hook sees what is imported; the CLI is CommonJS, so what it requires is recorded too.
  writeFileSync(
    register,
    `import { createRequire, register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const require = createRequire(import.meta.url);
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    const found = Module._resolveFilename(request, parent, isMain);
    appendFileSync(${JSON.stringify(log)}, (found.startsWith('/') ? 'file://' : '') + found + '\\n');
  } catch {}
  return load.apply(this, arguments);
};\n`,
  );
  // Without the hooks, whose thread loads streams itself. fs is required, not imported: importing it
  // would load the stream stack this checks for.
  builtinsLog = join(sandbox.paths.home, 'builtins.txt');
  recordBuiltins = join(sandbox.paths.home, 'record-builtins.mjs');
  writeFileSync(
    recordBuiltins,
    `import { createRequire } from 'node:module';
const { writeFileSync } = createRequire(import.meta.url)('node:fs');
process.on('exit', () => writeFileSync(${JSON.stringify(builtinsLog)}, process.moduleLoadList.join('\\n')));\n`,
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

/**
 * Which of Node's costly modules the second of two `lanyard ARGV` runs loaded (the first may write
 * what a later run reads, such as a first sighting of a sign-in, and a write's temp name is random):
 * crypto (about twenty modules), net (what a stdout pipe is made of) and the stream stack.
 */
function heavyBuiltinsLoaded(argv: string[]): string[] {
  const run = () =>
    spawnSync(process.execPath, ['--import', recordBuiltins, join(repo, 'bin', 'lanyard.js'), ...argv], {
      env,
      encoding: 'utf8',
    });
  expect(run().status).toBe(0);
  const r = run();
  expect(r.status, r.stderr).toBe(0);
  const loaded = readFileSync(builtinsLog, 'utf8').split('\n');
  return Object.entries(heavy)
    .filter(([, is]) => loaded.some(is))
    .map(([name]) => name);
}
const heavy: Record<string, (m: string) => boolean> = {
  crypto: (m) => m.includes('crypto'),
  net: (m) => m === 'NativeModule net',
  stream: (m) => m === 'NativeModule stream',
};

describe('each command loads only what it uses', () => {
  test('roles --json and status --json, writing to a pipe: not crypto, net or the stream stack', () => {
    expect(heavyBuiltinsLoaded(['roles', '--json'])).toEqual([]);
    expect(heavyBuiltinsLoaded(['status', '--json'])).toEqual([]);
    // The check sees them where they are used: help's width is the terminal's, through process.stdout.
    expect(heavyBuiltinsLoaded(['--help'])).toContain('net');
  });

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

describe('the built CLI from its code cache (main/cli/compile-cache.ts)', () => {
  const lanyard = (argv: string[]) =>
    spawnSync(process.execPath, [join(repo, 'bin', 'lanyard.js'), ...argv], {
      env: { ...env, LANYARD_DEBUG_COMPILE_CACHE: '1' },
      encoding: 'utf8',
    });

  test('a cached run still imports: the settings store, an ES module beside the bundle, writes', () => {
    expect(lanyard(['--version']).status).toBe(0); // the cache exists after this
    const set = lanyard(['sessions', 'set', session.name, '--session-length', '12h']);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stderr).toContain('compile cache hit');
    const status = lanyard(['status', '--json']);
    expect(status.stderr).toContain('compile cache hit');
    const json = JSON.parse(status.stdout) as { sessions: { usableUntilSource?: string }[] };
    expect(json.sessions[0]?.usableUntilSource).toBe('configured');
  });
});
