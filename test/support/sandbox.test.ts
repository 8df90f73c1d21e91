import { afterAll, expect, test } from 'vitest';
import { stat } from 'node:fs/promises';
import { createSandbox } from './sandbox';

const sandbox = await createSandbox({ config: '[default]\nregion = us-east-1\n', env: { AWS_PROFILE: 'x' } });
afterAll(() => sandbox.cleanup());

test('the sandbox is a private home that every AWS tool will use', async () => {
  expect(sandbox.env.HOME).toBe(sandbox.home);
  expect(sandbox.paths.ssoCacheDir).toBe(`${sandbox.home}/.aws/sso/cache`);
  expect(sandbox.paths.awsConfigFile).toBe(`${sandbox.home}/.aws/config`);
  expect(sandbox.paths.dataDir.startsWith(sandbox.home)).toBe(true);
  expect(sandbox.env.AWS_PROFILE).toBe('x');
  expect((await stat(sandbox.paths.ssoCacheDir)).isDirectory()).toBe(true);
  expect(await sandbox.readConfig()).toContain('[default]');
  const snap = await sandbox.snapshot();
  expect([...snap.keys()]).toEqual(['.aws/config']);
});
