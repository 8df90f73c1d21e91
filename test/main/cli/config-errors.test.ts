import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliContext } from '../../../main/cli/context';
import { main } from '../../../main/cli/main';
import { configReadError } from '../../../main/config/read-errors';
import { createSandbox, type Sandbox } from '../../support/sandbox';

// A config Lanyard cannot read, or one whose values are wrong, is the person's file to fix: exit 7
// (CONFIG/FILE) with words about the file, never "unknown session" (6) or "check your network" (5).
const startUrl = 'https://d-1234567890.awsapps.com/start';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox();
});
afterEach(() => sandbox.cleanup());

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const ctx: CliContext = {
    paths: sandbox.paths,
    env: sandbox.env,
    stdout: { write: () => undefined },
    stderr: { write: (t) => void (err += t) },
    openUrl: () => Promise.resolve(),
    signal: new AbortController().signal,
    now: Date.now,
  };
  return { code: await main(argv, ctx), err };
}

const commands = [
  ['roles', '--session', 'corp'],
  ['env', '111111111111', 'Admin', '--session', 'corp'],
  ['login', '--session', 'corp', '--no-browser'],
  ['credential-process', '--session', 'corp', '--account', '111111111111', '--role', 'Admin'],
];

describe('an unreadable config gives exit 7 with a message about the file', () => {
  test('the config is a folder', async () => {
    await rm(sandbox.paths.awsConfigFile, { force: true });
    await mkdir(sandbox.paths.awsConfigFile, { recursive: true });
    for (const argv of commands) {
      const r = await cli(argv);
      expect([argv[0], r.code]).toEqual([argv[0], 7]);
      expect(r.err).toContain('is a folder, not a file');
    }
  });

  test('the config is a loop of symbolic links (ELOOP)', async () => {
    await rm(sandbox.paths.awsConfigFile, { force: true });
    const other = join(sandbox.awsDir, 'config-b');
    await symlink(other, sandbox.paths.awsConfigFile);
    await symlink(sandbox.paths.awsConfigFile, other);
    for (const argv of commands) {
      const r = await cli(argv);
      expect([argv[0], r.code]).toEqual([argv[0], 7]);
      expect(r.err).toMatch(/loop of symbolic links/);
    }
  });

  test('errno mapping (EACCES cannot be produced as root, so the mapper is tested directly)', () => {
    const path = '/home/x/.aws/config';
    const cases: [string, RegExp][] = [
      ['EACCES', /No permission to read/],
      ['EPERM', /No permission to read/],
      ['EISDIR', /is a folder, not a file/],
      ['ELOOP', /loop of symbolic links/],
      ['ENOTDIR', /not a folder/],
      ['EIO', /Could not read/],
    ];
    for (const [code, message] of cases) {
      const e = configReadError(Object.assign(new Error(`${code}: x`), { code }), path);
      expect(e.code).toBe('FILE');
      expect(e.message).toMatch(message);
      expect(e.message).toContain(path);
    }
  });
});

describe('a bad sso_region', () => {
  test('names the config line and exits 7 (never reaches the network)', async () => {
    await sandbox.writeConfig(
      `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1x\nsso_registration_scopes = sso:account:access\n`,
    );
    for (const argv of commands) {
      const r = await cli(argv);
      expect([argv[0], r.code]).toEqual([argv[0], 7]);
      expect(r.err).toContain('sso_region = us-east-1x');
      expect(r.err).toContain('[sso-session corp]');
      expect(r.err).not.toMatch(/network/i);
    }
  });
});
