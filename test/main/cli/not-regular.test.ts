import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { SsoSession } from '../../../app/domain/session';
import { tokenFileName } from '../../../main/auth/cache-names';
import type { CliContext } from '../../../main/cli/context';
import { main } from '../../../main/cli/main';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// A FIFO in place of a file makes a plain read wait for a writer forever. Lanyard refuses anything
// that is not a regular file, and says so, instead of hanging.
const startUrl = 'https://d-1234567890.awsapps.com/start';
const corp: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const config = `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox({ config });
});
afterEach(() => sandbox.cleanup());

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

describe('files that are not regular files', () => {
  test('a FIFO as the token file: status answers at once and names the problem', async () => {
    execFileSync('mkfifo', [sandbox.cacheFile(tokenFileName(corp))]);
    const r = await cli(['status']);
    expect(`${r.out}${r.err}`).toMatch(/named pipe \(FIFO\), not a regular file/);
  }, 10_000);

  test('a FIFO as the config: exit 7 with a message, no hang', async () => {
    await rm(sandbox.paths.awsConfigFile);
    execFileSync('mkfifo', [sandbox.paths.awsConfigFile]);
    const r = await cli(['roles', '--session', 'corp']);
    expect(r.code).toBe(7);
    expect(r.err).toMatch(/is not a regular file \(a named pipe \(FIFO\)\)/);
  }, 10_000);
});
