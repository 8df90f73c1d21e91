/**
 * Scenario 7: a setting changed in the window is written by electron-store to settings.json, and
 * the CLI (bin/lanyard.js over dist/cli.cjs, same HOME) reads it back: `lanyard profiles` names profiles with the
 * template chosen in the tray app, as the window's own preview (planned in the worker thread) does.
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

  // The window's preview names the profile with the template too: the built main plans it in its
  // worker thread (dist/electron/plan-worker.cjs). Nothing is written here; the CLI adds it below.
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Settings' }).waitFor({ state: 'detached' });
  await page.getByLabel('Search roles').fill('prod readonly');
  await page.getByRole('button', { name: 'Write profile' }).click();
  const row = page.locator('dialog table.plan tbody tr');
  await row.first().waitFor();
  expect((await row.allTextContents()).map((t) => t.replace(/\s+/g, ' '))).toEqual([
    expect.stringMatching(/^Addlanyard-prod-ReadOnly/),
  ]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('dialog').waitFor({ state: 'detached' });
  expect((await run.quit()).code).toBe(0);

  const { stdout, stderr } = await exec(process.execPath, [join(repoRoot, 'bin', 'lanyard.js'), 'profiles'], {
    env: { PATH: process.env.PATH, ...scene.env },
  });
  expect(stdout, stderr).toContain('[profile lanyard-prod-ReadOnly]');
  expect(stdout).toContain('[profile lanyard-dev-Developer]');
}, 60_000);
