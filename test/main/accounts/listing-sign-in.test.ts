import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createSignIn } from '../../../main/auth/sign-in';
import { readTokenFile } from '../../../main/auth/token-cache';
import { createPortal } from '../../../main/accounts/portal';
import { createRoleDirectory } from '../../../main/accounts/directory';
import { createSandbox, type Sandbox } from '../../support/sandbox';
import { session } from '../../support/portal-session';
import { signInWithEmulator } from '../../support/cli-run';

// The same listing as listing.test.ts, with the real sign-in core as the TokenSource: a 401 in the
// middle makes it refresh through the emulator's CreateToken (refresh_token grant) and the listing resumes.
let emu: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emu = await startEmulator({ org: { generate: { accounts: 40, rolesPerAccount: [1, 3], seed: 9 } } });
  sandbox = await createSandbox({
    config: `[sso-session corp]\nsso_start_url = ${session.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
  });
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

test('401 mid-listing with the real sign-in core: one refresh via CreateToken, token file renewed, listing complete', async () => {
  const t = await signInWithEmulator(emu, sandbox, session);
  const env = { ...sandbox.env, ...emu.env };
  const signIn = createSignIn({
    paths: sandbox.paths,
    env,
    openUrl: () => Promise.reject(new Error('no browser')),
  });
  const portal = createPortal({ tokenSource: signIn, env, rate: { ratePerSecond: 50 } });
  const directory = createRoleDirectory({ paths: sandbox.paths, portal });
  emu.control.resetCalls();
  let revoked = false;
  const result = await directory.refresh(session, {
    onRoles: () => {
      if (!revoked) {
        revoked = true;
        emu.control.revokeToken(t.accessToken);
      }
    },
  });
  const want = emu.control.org().accounts.reduce((n, a) => n + a.roles.length, 0);
  expect(result.roles.length).toBe(want);
  expect(emu.control.calls().CreateToken).toBe(1);
  const file = await readTokenFile(sandbox.paths, session);
  expect(file.kind === 'ok' && file.token.accessToken).not.toBe(t.accessToken);
});
