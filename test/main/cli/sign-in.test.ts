import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { tokenFileName } from '../../../main/auth/cache-names';
import type { CliContext } from '../../../main/cli/context';
import { main } from '../../../main/cli/main';
import type { StatusJson } from '../../../main/cli/commands/status';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const startUrl = 'https://d-1234567890.awsapps.com/start';
const corpConfig = `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;

let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0 });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.control.setAuthorizeMode('approve');
  sandbox = await createSandbox({ env: emulator.env });
});
afterEach(async () => {
  await chmod(sandbox.paths.ssoCacheDir, 0o700).catch(() => undefined);
  await sandbox.cleanup();
});

type Run = { code: number; out: string; err: string; opened: string[] };

/** Runs the CLI in-process; the "browser" follows redirects, device codes are approved when printed. */
async function cli(
  argv: string[],
  opts: { onErr?: (text: string) => void; env?: Record<string, string> } = {},
) {
  const run: Run = { code: -1, out: '', err: '', opened: [] };
  const ctx: CliContext = {
    paths: sandbox.paths,
    env: { ...sandbox.env, ...opts.env },
    stdout: { write: (t) => void (run.out += t) },
    stderr: {
      write: (t) => {
        run.err += t;
        opts.onErr?.(t);
      },
    },
    openUrl: async (url) => {
      run.opened.push(url);
      await fetch(url, { redirect: 'follow' });
    },
    signal: new AbortController().signal,
    now: Date.now,
  };
  run.code = await main(argv, ctx);
  return run;
}

const approvePrintedCode = (text: string) => {
  const m = /^ {2}([A-Z]{4}-[A-Z]{4})$/m.exec(text);
  if (m) emulator.control.approveDevice(m[1]!);
};

describe('lanyard sessions', () => {
  test('add then list; bad input is refused and leaves the config alone', async () => {
    const add = await cli(['sessions', 'add', 'corp', '--start-url', startUrl, '--region', 'us-east-1']);
    expect(add.code).toBe(0);
    expect(add.out).toContain('Added [sso-session corp]');
    const before = await sandbox.readConfig();
    const list = await cli(['sessions', 'list']);
    expect(list.out).toBe(`corp\tsso-session\tus-east-1\t${startUrl}\n`);
    for (const bad of [
      ['sessions', 'add', 'x', '--start-url', 'http://d-1.awsapps.com/start', '--region', 'us-east-1'],
      ['sessions', 'add', 'x', '--start-url', startUrl, '--region', 'us-east-1a'],
      ['sessions', 'add', 'x y', '--start-url', startUrl, '--region', 'us-east-1'],
    ]) {
      const r = await cli(bad);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^lanyard: /);
    }
    expect(await sandbox.readConfig()).toBe(before);
  });
});

describe('lanyard login / status / logout', () => {
  test('the only session is the default; status shows it; logout removes it', async () => {
    await sandbox.writeConfig(corpConfig);
    const login = await cli(['login']);
    expect(login.err).toContain('/authorize?');
    expect(login.code).toBe(0);
    expect(login.out).toMatch(
      /^Signed in to corp \(https:\/\/d-1234567890\.awsapps\.com\/start\) until \S+Z, renewed automatically\.\n$/,
    );
    const status = await cli(['status', '--json']);
    const json = JSON.parse(status.out) as StatusJson;
    expect(json.version).toBe(1);
    expect(json.sessions).toHaveLength(1);
    expect(json.sessions[0]).toMatchObject({
      name: 'corp',
      state: 'signed-in',
      refreshable: true,
      reason: null,
    });
    expect(json.sessions[0]!.secondsLeft).toBeGreaterThan(3000);
    const human = await cli(['status']);
    expect(human.out).toMatch(
      /^SESSION\s+STATE\s+SESSION END\s+TOKEN\s+RENEWS\ncorp\s+signed-in\s+ends \d\d:\d\d, in (7 h 59 m|8 h) \(default 8 h\)\s+(\d+h )?\d+m\s+yes\n$/,
    );
    const logout = await cli(['logout']);
    expect(logout.out).toBe('Signed out of corp.\n');
    expect(JSON.parse((await cli(['status', '--json'])).out)).toMatchObject({
      sessions: [{ state: 'signed-out' }],
    });
  });

  test('--start-url creates an sso-session named after the portal and says so', async () => {
    const r = await cli(
      ['login', '--start-url', startUrl, '--region', 'us-east-1', '--device-code', '--no-browser'],
      {
        onErr: approvePrintedCode,
      },
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('Added [sso-session d-1234567890]');
    expect(r.err).toContain('enter the code');
    expect(r.opened).toEqual([]);
    expect(await sandbox.readConfig()).toContain('[sso-session d-1234567890]');
    const again = await cli(['login', '--start-url', startUrl, '--region', 'us-east-1']);
    expect(again.err).toContain('Using the existing sso-session "d-1234567890"');
  });

  test('several sessions and none named, or an unknown name: a clear error with the names', async () => {
    await sandbox.writeConfig(
      `${corpConfig}\n[sso-session other]\nsso_start_url = ${startUrl}\nsso_region = eu-west-1\n`,
    );
    const r = await cli(['login']);
    expect(r.code).toBe(6);
    expect(r.err).toContain('choose one with --session');
    expect(r.err).toMatch(/corp\n\s+other/);
    const unknown = await cli(['login', '--session', 'nope']);
    expect(unknown.code).toBe(6);
    expect(unknown.err).toContain('There is no session "nope"');
    const bad = await cli(['login', '--start-url', 'https://d-1.awsapps.com/start']);
    expect(bad.code).toBe(2);
    const noSessions = await createSandbox();
    try {
      sandbox.withEnv({});
      const empty = await main(['login'], {
        paths: noSessions.paths,
        env: noSessions.env,
        stdout: { write: () => undefined },
        stderr: { write: () => undefined },
        openUrl: () => Promise.resolve(),
        signal: new AbortController().signal,
        now: Date.now,
      });
      expect(empty).toBe(6);
    } finally {
      await noSessions.cleanup();
    }
  });

  test('an unwritable cache folder fails before the browser opens and changes nothing', async () => {
    await sandbox.writeConfig(corpConfig);
    await chmod(sandbox.paths.ssoCacheDir, 0o500);
    const before = await sandbox.snapshot();
    const r = await cli(['login']);
    expect(r.code).toBe(7);
    expect(r.err).toContain(sandbox.paths.ssoCacheDir);
    expect(r.opened).toEqual([]);
    expect(await sandbox.snapshot()).toEqual(before);
  });

  test('a malformed token file is reported by status and left untouched', async () => {
    await sandbox.writeConfig(corpConfig);
    const file = sandbox.cacheFile(
      tokenFileName({ name: 'corp', kind: 'sso-session', startUrl, region: 'us-east-1', scopes: [] }),
    );
    await writeFile(file, '{"accessToken": "aoa');
    const r = await cli(['status']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('is not valid JSON');
    expect(await readFile(file, 'utf8')).toBe('{"accessToken": "aoa');
  });

  test('a malformed config file is a clear message, not a crash', async () => {
    await sandbox.writeConfig('[sso-session corp\nsso_start_url = nope\n');
    const before = await sandbox.snapshot();
    const r = await cli(['login', '--session', 'corp']);
    expect(r.code).toBe(6);
    expect(r.err).toMatch(/^lanyard: There is no session "corp"/);
    expect(r.err).toContain('line 1: not a [section]');
    expect(await sandbox.snapshot()).toEqual(before);
  });

  test('the emulator going away during polling is a NETWORK error naming the endpoint', async () => {
    const doomed = await startEmulator({ pollIntervalSeconds: 0 });
    sandbox.withEnv(doomed.env);
    await sandbox.writeConfig(corpConfig);
    let closing: Promise<void> | undefined;
    const r = await cli(['login', '--device-code', '--no-browser'], {
      onErr: (t) => {
        if (t.includes('enter the code')) closing ??= doomed.close();
      },
    });
    await closing;
    expect(r.code).toBe(5);
    expect(r.err).toContain(`cannot reach ${doomed.url}`);
    await expect(
      readFile(
        sandbox.cacheFile(
          tokenFileName({ name: 'corp', kind: 'sso-session', startUrl, region: 'us-east-1', scopes: [] }),
        ),
      ),
    ).rejects.toThrow();
  });
});
