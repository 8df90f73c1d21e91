import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { createSignIn } from '../../main/auth/sign-in';
import type { CliContext } from '../../main/cli/context';
import { main } from '../../main/cli/main';
import { createSandbox, type Sandbox } from '../support/sandbox';

// Account and role names are the server's to choose. A hostile (or compromised) portal serving
// terminal escapes, newlines and bidi overrides must not be able to drive the person's terminal.
const startUrl = 'https://d-1234567890.awsapps.com/start';
const config = `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const hostileAccount = '\u001b]0;pwned\u0007Prod\n\u001b[2J\u202eevil';
const hostileRole = 'Admin\u001b[31m\r\u2066x\u009b';
// Anything that would act on a terminal or reorder text.
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator({ throttle: false });
  emulator.control.setAuthorizeMode('approve');
  emulator.control.setOrg({
    hostileNames: true,
    accounts: [
      {
        accountId: '111111111111',
        accountName: hostileAccount,
        emailAddress: 'a\u001b[2J@x.test',
        roles: [hostileRole, 'ReadOnly'],
      },
      {
        accountId: '222222222222',
        accountName: 'Prod\u001b[2J two',
        emailAddress: 'b@x.test',
        roles: ['ReadOnly'],
      },
    ],
  });
  sandbox = await createSandbox({ config, env: emulator.env });
  await createSignIn({
    paths: sandbox.paths,
    env: sandbox.env,
    openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
  }).login('corp');
});
afterAll(async () => {
  await emulator.close();
  await sandbox.cleanup();
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    paths: sandbox.paths,
    env: sandbox.env,
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
  };
  return { code: await main(argv, ctx), out, err };
}

describe('hostile account and role names', () => {
  test('roles prints them inert, one line per role, live and from the cache', async () => {
    for (const argv of [['roles', '--refresh'], ['roles'], ['roles', '--json']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(control);
      expect(r.err).not.toMatch(control);
      if (argv[1] !== '--json') expect(r.out).toContain('\ufffd]0;pwned\ufffdProd');
    }
    const table = (await cli(['roles'])).out.trim().split('\n');
    // A header (if any) plus three roles: no forged extra lines.
    expect(table.filter((l) => /1111|2222/.test(l))).toHaveLength(3);
  });

  test('"did you mean" candidates are printed inert', async () => {
    const r = await cli(['env', 'zzzz', 'ReadOnly', '--session', 'corp']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/did you mean/);
    expect(r.err).not.toMatch(control);
  });
});
