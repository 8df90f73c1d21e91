import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { main } from '../../../main/cli/main';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// A vanity portal URL: not on a host AWS owns, so only an explicit --custom-endpoint adds it.
const custom = 'https://sso.corp.example/start';

let emulator: RunningEmulator;
let sandbox: Sandbox;
beforeAll(async () => {
  emulator = await startEmulator({ pollIntervalSeconds: 0 });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  sandbox = await createSandbox({ env: emulator.env });
});
afterEach(() => sandbox.cleanup());

async function cli(argv: string[]) {
  const run = { code: -1, out: '', err: '' };
  run.code = await main(argv, {
    paths: sandbox.paths,
    env: sandbox.env,
    stdout: { write: (t) => void (run.out += t) },
    stderr: {
      write: (t) => {
        run.err += t;
        // Approve a device code as soon as it is printed.
        const m = /^ {2}([A-Z]{4}-[A-Z]{4})$/m.exec(t);
        if (m) emulator.control.approveDevice(m[1]!);
      },
    },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
  });
  return run;
}

const refusal =
  'lanyard: sso.corp.example is not an AWS access portal URL. Portal URLs look like ' +
  'https://d-1234567890.awsapps.com/start. If your organisation uses a custom URL, pass --custom-endpoint.\n';

test('sessions add: a non-portal start URL is exit 2 and writes nothing; --custom-endpoint adds it', async () => {
  const before = await sandbox.snapshot();
  const refused = await cli(['sessions', 'add', 'corp', '--start-url', custom, '--region', 'us-east-1']);
  expect(refused.code).toBe(2);
  expect(refused.err).toBe(refusal);
  expect(await sandbox.snapshot()).toEqual(before);

  const added = await cli([
    'sessions',
    'add',
    'corp',
    '--start-url',
    custom,
    '--region',
    'us-east-1',
    '--custom-endpoint',
  ]);
  expect(added.code).toBe(0);
  expect(await sandbox.readConfig()).toContain(`sso_start_url = ${custom}\n`);
});

test('sessions add: --custom-endpoint does not let a malformed URL through', async () => {
  const r = await cli([
    'sessions',
    'add',
    'corp',
    '--start-url',
    'http://sso.corp.example/start',
    '--region',
    'us-east-1',
    '--custom-endpoint',
  ]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('Use https');
});

test('login --start-url: refused without --custom-endpoint, signs in with it', async () => {
  const args = ['login', '--start-url', custom, '--region', 'us-east-1', '--device-code', '--no-browser'];
  const refused = await cli(args);
  expect(refused.code).toBe(2);
  expect(refused.err).toBe(refusal);

  const r = await cli([...args, '--custom-endpoint']);
  expect(r.code).toBe(0);
  expect(r.err).toContain('Added [sso-session sso]');
  expect(r.out).toContain(`Signed in to sso (${custom})`);
});
