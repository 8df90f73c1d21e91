import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import type { StatusJson } from '../../main/cli/commands/status';
import { createSandbox, type Sandbox } from '../support/sandbox';

const root = fileURLToPath(new URL('../..', import.meta.url));
let emulator: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'node'], { cwd: root, stdio: 'pipe' });
  emulator = await startEmulator({ pollIntervalSeconds: 0, autoApprove: true });
  sandbox = await createSandbox({
    env: emulator.env,
    config: `[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n`,
  });
});
afterAll(async () => {
  await emulator.close();
  await sandbox.cleanup();
});

function lanyard(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'lanyard.js'), ...args],
      { env: sandbox.env, cwd: sandbox.home, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('the installed command signs in, reports status and signs out with HOME in a temp folder', async () => {
  const login = await lanyard(['login', '--device-code', '--no-browser']);
  expect(login.code).toBe(0);
  expect(login.stdout).toMatch(/^Signed in to corp /);

  const status = await lanyard(['status', '--json']);
  expect(status.code).toBe(0);
  const json = JSON.parse(status.stdout) as StatusJson;
  expect(json.sessions.map((s) => [s.name, s.state])).toEqual([['corp', 'signed-in']]);

  const unknown = await lanyard(['logout', '--session', 'nope']);
  expect(unknown.code).toBe(6);
  expect(unknown.stderr).toContain('There is no session "nope"');

  const logout = await lanyard(['logout']);
  expect(logout.code).toBe(0);
  expect(logout.stdout).toBe('Signed out of corp.\n');
});
