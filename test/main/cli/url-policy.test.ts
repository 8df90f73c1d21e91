import { afterEach, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { main } from '../../../main/cli/main';
import { createSandbox, type Sandbox } from '../../support/sandbox';

const config =
  '[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n';

let emulator: RunningEmulator | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await emulator?.close();
  await sandbox?.cleanup();
});

// Verification pages on AWS domains anyone can serve content from: accepted by the old
// `*.amazonaws.com` check, refused by the policy's exact sign-in hosts.
test.each([
  'https://evil-bucket.s3.amazonaws.com',
  'https://abc123.execute-api.us-east-1.amazonaws.com',
  'https://my-lb-1.us-east-1.elb.amazonaws.com',
])('lanyard login refuses a device page on %s: exit 8, nothing opened or printed', async (base) => {
  emulator = await startEmulator({ pollIntervalSeconds: 0, verificationBaseUrl: base });
  sandbox = await createSandbox({ config, env: emulator.env });
  let out = '';
  let err = '';
  const opened: string[] = [];
  const code = await main(['login', '--device-code'], {
    paths: sandbox.paths,
    env: sandbox.env,
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    openUrl: (u) => {
      opened.push(u);
      return Promise.resolve();
    },
    signal: new AbortController().signal,
    now: Date.now,
  });
  expect(code).toBe(8);
  expect(err).toContain(`lanyard: Refusing to open ${base}:`);
  expect(opened).toEqual([]);
  expect(`${out}${err}`).not.toMatch(/user_code=/);
});
