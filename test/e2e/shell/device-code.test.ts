/**
 * Scenario 2: a device-code sign-in started from the tray while the window is closed. The window
 * opens and shows the code; a window that loads after the prompt was sent (a fresh renderer) still
 * shows it, which needs the contract's way to fetch the current prompt (signIn.currentPrompt).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScene, type Scene } from './support/scene';

let scene: Scene;
beforeAll(async () => {
  scene = await createScene();
  await scene.addSession();
  await scene.settings({ signInFlow: 'device' });
});
afterAll(() => scene?.close());

it('opens the window with the code, keeps it for a window loaded later, and signs in once approved', async () => {
  const run = await scene.start();
  await run.waitFor(() => run.tray.tooltip()?.includes('work: signed out'), 'the session, signed out');
  expect(run.windows.visible()).toBe(false);

  await run.tray.clickItem('session:work', 'session:work:signIn');
  const pending = await run.waitFor(() => scene.aws.emu.control.pendingDeviceCodes()[0], 'a device code');
  await run.waitFor(() => run.windows.visible(), 'the window to open for the code');
  const page = await run.window();
  expect(await page.locator('.device__code').textContent({ timeout: 10_000 })).toBe(pending.userCode);
  // The person's browser gets the real verification page (allowed by the URL policy).
  await run.waitFor(
    () => run.opened().find((u) => u.startsWith('https://device.sso.us-east-1.amazonaws.com/')),
    'the verification URL given to the opener',
  );

  // A renderer that subscribes after the prompt was sent: it must still show the code.
  await page.reload();
  expect(await page.locator('.device__code').textContent({ timeout: 10_000 })).toBe(pending.userCode);

  scene.aws.emu.control.approveDevice(pending.userCode);
  await run.waitFor(
    () => /^work: signed in, ends \d\d:\d\d, 7h 5\dm left$/m.test(run.tray.tooltip() ?? ''),
    'signed in, with when it ends',
  );
  await page.locator('.device__code').waitFor({ state: 'detached', timeout: 10_000 });
  expect((await run.quit()).code).toBe(0);
}, 60_000);
