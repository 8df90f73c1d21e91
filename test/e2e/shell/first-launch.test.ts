/**
 * Scenario 1, as a new user: the built shell under the Electron double, first launch with no
 * sessions, a session added in the window, PKCE sign-in through the REAL authorize URL
 * (https://oidc.us-east-1.amazonaws.com/authorize, served by the emulator behind a test CA).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScene, type Scene } from './support/scene';

let scene: Scene;
beforeAll(async () => {
  scene = await createScene();
});
afterAll(() => scene?.close());

it('starts signed out with a context menu, adds a session, signs in with PKCE and shows when it ends', async () => {
  const run = await scene.start();
  // GNOME shows nothing for an icon without a context menu: one must be set from the start.
  await run.waitFor(() => run.tray.menu()?.some((i) => i.id === 'noSessions' && i.clickable), 'a tray menu');
  expect(run.tray.image()).toMatchObject({ exists: true });
  expect(run.tray.image()?.path).toMatch(/signed-out\.png$/);
  expect(run.tray.tooltip()).toBe('Lanyard');
  expect(run.windows.visible()).toBe(false);

  await run.tray.clickItem('Add a sign-in…');
  await run.waitFor(() => run.windows.visible(), 'the window to show');
  const page = await run.window();
  const csp = run.windows.pages.get(1)?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");

  await page.getByLabel('Session name').fill('work');
  await page.getByLabel('Start URL').fill('https://d-1234567890.awsapps.com/start');
  await page.getByLabel('Region').fill('us-east-1');
  await page.getByRole('button', { name: 'Add session' }).click();
  await run.waitFor(() => run.tray.tooltip()?.includes('work: signed out'), 'the new session in the tooltip');

  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const authorize = await run.waitFor(
    () => run.opened().find((u) => u.startsWith('https://oidc.us-east-1.amazonaws.com/authorize?')),
    'the authorize URL given to the opener',
  );
  const person = await scene.aws.personBrowser(scene.browser);
  const consent = await person.newPage();
  await consent.goto(authorize);
  await consent.getByRole('button', { name: 'Allow access' }).click();
  await consent.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\//);
  await person.close();

  // A PKCE sign-in renews itself, so it ends a session length (8 h by default) after the sign-in:
  // the tray says when, as a local clock time, and how long that leaves.
  const ends = /^work: signed in, ends (\d\d:\d\d), (7h 5\dm) left$/m;
  const tooltip = await run.waitFor(
    () => ends.exec(run.tray.tooltip() ?? ''),
    'the tooltip saying signed in and when it ends',
  );
  await run.waitFor(() => run.tray.image()?.path.endsWith('/signed-in.png'), 'the signed-in icon');
  expect(run.tray.menu()?.find((i) => i.id === 'session:work')?.label).toBe(
    `work — signed in, ends ${tooltip[1]}, ${tooltip[2]} left`,
  );
  // The calls went to AWS's own names through the proxy: nothing used an endpoint override.
  expect(scene.aws.connects).toEqual(
    expect.arrayContaining(['oidc.us-east-1.amazonaws.com:443', 'portal.sso.us-east-1.amazonaws.com:443']),
  );

  // The sender check is real: the same page under another path is refused.
  const refused = await page.evaluate(async () => {
    history.replaceState(null, '', '/not-the-app.html');
    const r = await (
      window as unknown as { lanyard: { invoke(c: string): Promise<{ ok: boolean }> } }
    ).lanyard.invoke('state.get');
    history.replaceState(null, '', '/index.html');
    return r;
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const exit = await run.quit();
  expect(exit).toMatchObject({ code: 0, signal: null });
}, 60_000);
