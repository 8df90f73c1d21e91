/**
 * Scenario 4: a favorite in the tray menu. Copy credentials puts env text on the clipboard that
 * bash accepts, with a notification saying so; Open console gives the opener a
 * signin.aws.amazon.com/federation URL that the emulator redirects to the console.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScene, type Scene } from './support/scene';

const run$ = promisify(execFile);
const fav = 'favorite:work/111111111111/ReadOnly';
let scene: Scene;
beforeAll(async () => {
  scene = await createScene();
  await scene.addSession();
  await scene.settings({ favorites: ['work/111111111111/ReadOnly'] });
  await scene.signIn();
});
afterAll(() => scene?.close());

it('copies credentials from the tray with a confirmation, and opens the console through federation', async () => {
  const run = await scene.start();
  await run.waitFor(
    () => run.tray.menu()?.find((i) => i.id === fav && i.enabled),
    'the favorite, usable, in the tray menu',
  );

  await run.tray.clickItem(fav, `${fav}:copyEnv`);
  const text = await run.waitFor(() => run.clipboard().includes('AWS_ACCESS_KEY_ID') && run.clipboard(), 'env text');
  const { stdout } = await run$('bash', [
    '-c',
    `${text}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "\${#AWS_SECRET_ACCESS_KEY}" "\${#AWS_SESSION_TOKEN}"`,
  ]);
  const [keyId, secretLength, tokenLength] = stdout.trim().split('\n');
  const issued = scene.aws.emu.control.issuedRoleCredentials().map((c) => c.accessKeyId);
  expect(issued).toContain(keyId);
  expect(Number(secretLength)).toBeGreaterThan(0);
  expect(Number(tokenLength)).toBeGreaterThan(0);
  const notice = await run.waitFor(
    () => run.notifications.shown().find((n) => n.title === 'Credentials copied'),
    'the copy confirmation',
  );
  expect(notice.body).toContain('ReadOnly');
  expect(notice.body).not.toContain(keyId);

  await run.tray.clickItem(fav, `${fav}:openConsole`);
  const url = await run.waitFor(
    () => run.opened().find((u) => u.startsWith('https://signin.aws.amazon.com/federation?')),
    'the federation URL given to the opener',
  );
  expect(new URL(url).searchParams.get('Action')).toBe('login');
  const person = await scene.aws.personBrowser(scene.browser);
  // The console itself is not emulated: the redirect to it is what federation answers.
  await person.route('https://*.console.aws.amazon.com/**', (r) => r.fulfill({ body: 'console' }));
  await person.route('https://console.aws.amazon.com/**', (r) => r.fulfill({ body: 'console' }));
  const page = await person.newPage();
  await page.goto(url);
  expect(page.url()).toMatch(/^https:\/\/([a-z0-9-]+\.)?console\.aws\.amazon\.com\//);
  await person.close();

  expect((await run.quit()).code).toBe(0);
});
