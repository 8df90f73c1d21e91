/**
 * The double itself must be able to fail: a main that leaks a timer does not end after quit, and
 * runShell says so (with what is still active), while a clean main ends by itself with code 0.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runShell } from '../../support/electron-double/index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'electron-double-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function mainThat(name: string, body: string): Promise<string> {
  const file = join(dir, `${name}.mjs`);
  await writeFile(file, `import { app, Tray, nativeImage } from 'electron';\n${body}\n`);
  return file;
}

it('reports a main that keeps running after quit', async () => {
  const mainPath = await mainThat(
    'leaky',
    `app.whenReady().then(() => { new Tray(nativeImage.createFromPath('/nowhere.png')); setInterval(() => {}, 60_000); });`,
  );
  const run = await runShell({ mainPath, env: { HOME: dir } });
  await run.waitFor(() => run.tray.image(), 'the tray');
  expect(run.tray.image()).toEqual({ path: '/nowhere.png', exists: false, template: false });
  await expect(run.quit(5_000)).rejects.toThrow(
    /did not exit by itself[\s\S]*still alive after quit: .*Timeout/,
  );
});

it('lets a clean main end by itself', async () => {
  const mainPath = await mainThat(
    'clean',
    `app.whenReady().then(() => new Tray(nativeImage.createFromPath('/x.png')));`,
  );
  const run = await runShell({ mainPath, env: { HOME: dir } });
  await run.waitFor(() => run.records.some((r) => r.type === 'tray.create'), 'the tray');
  expect(await run.quit()).toMatchObject({ code: 0, signal: null });
});
