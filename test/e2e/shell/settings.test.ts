/**
 * Scenario 7: a setting changed in the window is written by electron-store to settings.json, and
 * the CLI (bin/lanyard.js over dist/cli.mjs, same HOME) reads it back: `lanyard profiles` names profiles with the
 * template chosen in the tray app.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../../support/browser';
import { createScene, type Scene } from './support/scene';

const exec = promisify(execFile);
let scene: Scene;
beforeAll(async () => {
  scene = await createScene();
  await scene.addSession();
  await scene.signIn();
});
afterAll(() => scene?.close());

async function settingsOnDisk(): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(join(scene.paths.dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

it('persists a setting from the window that the CLI then uses', async () => {
  const run = await scene.start();
  await run.waitFor(
    () => /^work: signed in, ends \d\d:\d\d, 7h 5\dm left$/m.test(run.tray.tooltip() ?? ''),
    'signed in',
  );
  await run.tray.clickItem('Open Lanyard');
  const page = await run.window();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Env format').selectOption('fish');
  const template = page.getByLabel('Profile name template');
  await template.fill('lanyard-{account_name}-{role}');
  await template.blur();

  let disk: Record<string, unknown> = {};
  await expect
    .poll(async () => (disk = await settingsOnDisk()).profileTemplate)
    .toBe('lanyard-{account_name}-{role}');
  expect(disk.envFormat).toBe('fish');
  expect((await run.quit()).code).toBe(0);

  const { stdout, stderr } = await exec(process.execPath, [join(repoRoot, 'bin', 'lanyard.js'), 'profiles'], {
    env: { PATH: process.env.PATH, ...scene.env },
  });
  expect(stdout, stderr).toContain('[profile lanyard-prod-ReadOnly]');
  expect(stdout).toContain('[profile lanyard-dev-Developer]');
}, 60_000);
