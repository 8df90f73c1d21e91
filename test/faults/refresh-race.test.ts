import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SsoSession } from '../../app/domain/session';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { createSignIn } from '../../main/auth/sign-in';
import { readTokenFile, writeTokenFile } from '../../main/auth/token-cache';
import { createSandbox, type Sandbox } from '../support/sandbox';

// Six `lanyard credential-process` processes (the real CLI bundle) start together after the access
// token has expired. The emulator rotates refresh tokens (each works once), as Identity Center does:
// without coordination all but one refresh is refused. Every process must still get credentials.
const START_URL = 'https://d-9000000002.awsapps.com/start';
const session: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: START_URL,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
// The installed command: bin/lanyard.js over the built dist/cli.cjs.
const CLI = resolve(__dirname, '../../bin/lanyard.js');
const ROUNDS = 5;
const PROCESSES = 6;

let emu: RunningEmulator;
let sb: Sandbox;
let accountId: string;
let roleName: string;

type Exit = { code: number; err: string };

function run(cmd: string, args: string[], stdin?: string): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { env: sb.env });
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, err }));
    child.stdin.end(stdin ?? '');
  });
}

const credentialProcess = () =>
  run(process.execPath, [
    CLI,
    'credential-process',
    '--session',
    'corp',
    '--account',
    accountId,
    '--role',
    roleName,
  ]);

// botocore's own refresher, as `aws` and boto3 run it, on the same cache file.
const botocoreRefresh = `
import os
import botocore.session
from botocore.tokens import SSOTokenProvider
from botocore.utils import JSONFileCache
cache = JSONFileCache(os.path.expanduser(os.path.join('~', '.aws', 'sso', 'cache')))
p = SSOTokenProvider(botocore.session.Session(), cache=cache, profile_name=None)
p._sso_config = {'session_name': 'corp', 'sso_region': 'us-east-1', 'sso_start_url': '${START_URL}'}
try:
    p._refresher()
except Exception as e:
    print('botocore lost the race:', type(e).__name__)
`;

/** The access token on disk has expired (its refresh token is still good). */
async function expireOnDisk(): Promise<void> {
  const read = await readTokenFile(sb.paths, session);
  if (read.kind !== 'ok') throw new Error(`no token: ${read.kind}`);
  emu.control.expireAccessTokens();
  await writeTokenFile(sb.paths, session, { ...read.token, expiresAt: Date.now() - 1_000 });
}

beforeAll(async () => {
  emu = await startEmulator({ throttle: false });
  emu.control.setAuthorizeMode('approve');
  const account = emu.control.org().accounts[0]!;
  accountId = account.accountId;
  roleName = account.roles[0]!;
  sb = await createSandbox({
    config: `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
  });
  sb.withEnv(emu.env);
  await createSignIn({
    paths: sb.paths,
    env: sb.env,
    openUrl: async (url) => void (await fetch(url, { redirect: 'follow' })),
  }).login('corp');
  // Each answer takes a while (as over a real network), so the processes' refreshes overlap even when
  // a loaded machine starts them a little apart.
  emu.control.setLatency(400);
});

afterAll(async () => {
  await emu?.close();
  await sb?.cleanup();
});

describe('refresh race between processes', () => {
  test(`${PROCESSES} credential-process calls after expiry all succeed, ${ROUNDS} rounds out of ${ROUNDS}`, async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await expireOnDisk();
      emu.control.resetCalls();
      const exits = await Promise.all(Array.from({ length: PROCESSES }, credentialProcess));
      exits.forEach((e, i) => e.code !== 0 && failures.push(`round ${round} #${i}: ${e.code} ${e.err}`));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test('a botocore refresh joining the race does not make any of them fail', async () => {
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      await expireOnDisk();
      const [exits, py] = await Promise.all([
        Promise.all(Array.from({ length: PROCESSES }, credentialProcess)),
        run('python3', ['-'], botocoreRefresh),
      ]);
      expect(py.err).not.toMatch(/Traceback/);
      exits.forEach((e, i) => e.code !== 0 && failures.push(`round ${round} #${i}: ${e.code} ${e.err}`));
    }
    expect(failures).toEqual([]);
    const final = await readTokenFile(sb.paths, session);
    expect(final.kind === 'ok' && final.token.expiresAt > Date.now()).toBe(true);
  }, 120_000);
});
