/**
 * Scenario 3: the expiry notice on an injected clock (the double's test clock, LANYARD_TEST_CLOCK).
 * Clicking it shows the window and starts the sign-in; its "Start fresh session" signs out of the
 * portal first, so the new session gets a full lifetime.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenFileName } from '../../../main/auth/cache-names';
import { createScene, work, type Scene } from './support/scene';

let scene: Scene;
beforeAll(async () => {
  // A token without refresh: its expiry is the end of use, one hour from now.
  scene = await createScene({ legacyTokenTtlSeconds: 3600 });
  await scene.addSession();
  await scene.settings({ signInFlow: 'device', notifyLeadMinutes: [30, 5] });
  await scene.signIn({ refreshable: false });
});
afterAll(() => scene?.close());

it('warns before the end; a click shows the window and starts a fresh session, signed out first', async () => {
  const run = await scene.start({ testClock: true });
  await run.waitFor(() => /^work: .+ left$/m.test(run.tray.tooltip() ?? ''), 'signed in');
  expect(run.notifications.shown()).toEqual([]);
  expect(run.windows.visible()).toBe(false);

  await run.clock.advance(31 * 60_000);
  const notice = await run.waitFor(
    () => run.notifications.shown().find((n) => n.title.startsWith('work: sign-in ends in')),
    'the 30-minute notice',
  );
  expect(notice.actions).toEqual(['Start Fresh Session']);
  const tokenFile = join(scene.paths.ssoCacheDir, tokenFileName(work));
  expect(existsSync(tokenFile)).toBe(true);

  await run.notifications.click(notice.id);
  await run.waitFor(() => run.windows.visible(), 'the window shown by the click');
  await run.waitFor(() => scene.aws.emu.control.calls().Logout === 1, 'the portal sign-out of "start fresh"');
  const pending = await run.waitFor(() => scene.aws.emu.control.pendingDeviceCodes()[0], 'a new device code');
  const page = await run.window();
  await expect.poll(() => page.locator('.device__code').textContent()).toBe(pending.userCode);

  scene.aws.emu.control.approveDevice(pending.userCode);
  await run.waitFor(() => run.tray.image()?.path.endsWith('signed-in.png'), 'signed in afresh');
  expect((await run.quit()).code).toBe(0);
});
