import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

// The standalone launcher, run from source with tsx exactly as `npm run emulator` runs the bundle.
const root = join(import.meta.dirname, '..', '..');
const args = ['--import', 'tsx', join(root, 'emulator', 'cli.ts')];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

test('prints the URL, export lines and config; logs requests without queries; stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [...args, '--accounts', '3', '--roles-per-account', '2', '--throttle', 'off', '--session-length', '2m'],
    { cwd: root },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    stdout += chunk.toString();
    if (stdout.includes('Ctrl-C')) break;
  }
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
  expect(stdout).toContain(`export AWS_ENDPOINT_URL_SSO_OIDC=${url}`);
  expect(stdout).toContain(`export AWS_ENDPOINT_URL_SSO=${url}`);
  expect(stdout).toContain(`export LANYARD_FEDERATION_URL=${url}/federation`);
  expect(stdout).toContain('[sso-session emulator]');
  expect(stdout).toContain('sso_start_url = https://d-0000000000.awsapps.com/start');
  const org = (await (await fetch(`${url}/_emulator/org`)).json()) as { accounts: { roles: string[] }[] };
  expect(org.accounts).toHaveLength(3);
  expect(org.accounts.every((a) => a.roles.length === 2)).toBe(true);
  expect(await (await fetch(`${url}/_emulator/session-length`)).json()).toEqual({ seconds: 120 });
  await fetch(`${url}/federation?Action=getSigninToken&Session=SECRETVALUE`);
  child.kill('SIGTERM');
  const [code] = (await once(child, 'close')) as [number | null];
  expect(code).toBe(0);
  expect(stderr).toMatch(/GET \/federation 400 \d+ms GetSigninToken/);
  expect(stderr).not.toContain('SECRETVALUE');
});

test('bad flags exit 2 with a clear message', async () => {
  const run = (extra: string[]) =>
    promisify(execFile)(process.execPath, [...args, ...extra], { cwd: root }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
  const [throttle, org, length] = await Promise.all([
    run(['--throttle', 'fast']),
    run(['--org', '/nonexistent/org.json']),
    run(['--session-length', '2 weeks']),
  ]);
  expect(length.code).toBe(2);
  expect(length.stderr).toContain('--session-length: session length must be');
  expect(throttle.code).toBe(2);
  expect(throttle.stderr).toContain('--throttle must be a positive number or off');
  expect(org.code).toBe(2);
  expect(org.stderr).toContain('cannot read --org /nonexistent/org.json: ENOENT');
});
