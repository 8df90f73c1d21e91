import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import type { CliContext } from '../../main/cli/context';
import { main } from '../../main/cli/main';
import type { StatusJson } from '../../main/cli/commands/status';
import { addSsoSession } from '../../main/config/sessions';
import { createSandbox, type Sandbox } from '../support/sandbox';
import { makeTestCa, startTlsFront, type TlsFront } from '../network/support/tls-front';
import { startInterceptingProxy, type InterceptingProxy } from './support/aws-intercept';
import { awsCli } from './support/tools';

// A session signed in by the real `aws sso login` (AWS CLI 2.9.19, reaching the emulator through an
// intercepting proxy): Lanyard did not see the sign-in, so its end is an estimate and says so.
const START_URL = 'https://d-9000000004.awsapps.com/start';
let emu: RunningEmulator;
let sb: Sandbox;
let certDir: string;
let front: TlsFront;
let intercept: InterceptingProxy;
let viaIntercept: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator({ autoApprove: true, pollIntervalSeconds: 1 });
  sb = await createSandbox({ config: '' });
  await addSsoSession(sb.paths, { name: 'corp', startUrl: START_URL, region: 'eu-west-1' });
  certDir = await mkdtemp(join(tmpdir(), 'lanyard-ca-'));
  const ca = await makeTestCa(certDir, ['*.amazonaws.com', '*.eu-west-1.amazonaws.com']);
  front = await startTlsFront(emu.url, ca);
  intercept = await startInterceptingProxy(front.url);
  viaIntercept = { ...sb.env, HTTPS_PROXY: intercept.url, AWS_CA_BUNDLE: ca.caFile };
});

afterAll(async () => {
  await Promise.all([emu?.close(), front?.close(), intercept?.close()]);
  await sb?.cleanup();
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

async function lanyardStatus(): Promise<StatusJson['sessions'][number]> {
  let out = '';
  const ctx: CliContext = {
    paths: sb.paths,
    env: sb.env,
    stdout: { write: (t) => void (out += t) },
    stderr: { write: () => undefined },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
  };
  expect(await main(['status', '--json'], ctx)).toBe(0);
  return (JSON.parse(out) as StatusJson).sessions[0]!;
}

it('an `aws sso login` session gets an estimated end, marked as such', async () => {
  const before = Date.now();
  const login = await awsCli(['sso', 'login', '--sso-session', 'corp', '--no-browser'], viaIntercept);
  expect(login.stderr + login.stdout).toContain('Successfully logged into Start URL');
  expect(intercept.connects).toContain('oidc.eu-west-1.amazonaws.com:443');

  const s = await lanyardStatus();
  expect(s).toMatchObject({
    state: 'signed-in',
    refreshable: true,
    usableUntilSource: 'default',
    usableUntilEstimate: true,
  });
  // The estimate is no later than the evidence: the token was issued after `before`, so the sign-in
  // is dated at or before now and the end is about 8 h from it.
  const signedInAt = Date.parse(s.signedInAt!);
  expect(signedInAt).toBeGreaterThanOrEqual(before - 2_000);
  expect(signedInAt).toBeLessThanOrEqual(Date.now());
  expect(Date.parse(s.usableUntil!)).toBe(signedInAt + 8 * 3600_000);

  // Asked again, the same estimate: it is recorded, not re-guessed.
  expect((await lanyardStatus()).signedInAt).toBe(s.signedInAt);
});
