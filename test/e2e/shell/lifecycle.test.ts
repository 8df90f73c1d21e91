/**
 * Scenarios 5 and 6: a second instance focuses the first and ends; powerMonitor 'resume' re-plans
 * the notices and re-reads the token cache; quit closes every timer, server and listener, so the
 * process ends by itself (the double never calls process.exit on quit).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScene, type Scene } from './support/scene';

let scene: Scene;
beforeAll(async () => {
  scene = await createScene({ legacyTokenTtlSeconds: 3600 });
  await scene.addSession();
  await scene.settings({ notifyLeadMinutes: [30] });
});
afterAll(() => scene?.close());

it('a second instance shows the first window and exits; resume re-reads the cache and re-plans', async () => {
  const first = await scene.start({ testClock: true });
  await first.waitFor(() => first.tray.tooltip()?.includes('work: signed out'), 'signed out at first');
  expect(first.windows.visible()).toBe(false);

  const second = await scene.start();
  const exit = await second.exited;
  expect(exit.code).toBe(0);
  expect(second.records).toContainEqual({ type: 'app.singleInstance', acquired: false });
  expect(second.records.some((r) => r.type === 'tray.create' || r.type === 'window.create')).toBe(false);
  await first.waitFor(() => first.windows.visible(), 'the first instance shown');
  expect(first.records).toContainEqual({ type: 'window.focus', id: 1 });

  // `aws sso login` in a terminal while the machine slept: the token file appears behind Lanyard's back.
  await scene.signIn({ refreshable: false });
  await first.clock.advance(31 * 60_000);
  await first.app.powerMonitor('resume');
  await first.waitFor(() => /^work: .+ left$/m.test(first.tray.tooltip() ?? ''), 'signed in after resume');
  // The clock moved 31 minutes past a one-hour token: resume's re-plan shows the 30-minute notice.
  await first.waitFor(
    () => first.notifications.shown().find((n) => n.title.startsWith('work: sign-in ends in')),
    'the notice re-planned on resume',
  );

  const quit = await first.quit();
  expect(quit).toMatchObject({ code: 0, signal: null });
  expect(quit.stderr).not.toContain('still alive after quit');
});
