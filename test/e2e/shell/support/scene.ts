/**
 * One scenario's world: the AWS stand-in under real names, a temp HOME, a shared Chromium, and
 * the built shell under the Electron double. Sessions and tokens are seeded the way the AWS CLI
 * would leave them, so scenarios that are not about signing in start signed in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { SsoSession } from '../../../../app/domain/session';
import type { EmulatorOptions } from '../../../../emulator/index';
import { writeTokenFile } from '../../../../main/auth/token-cache';
import { resolvePaths, type Paths } from '../../../../main/paths';
import { launchChromium } from '../../../support/browser';
import { runShell, type RunShellOptions, type ShellRun } from '../../../support/electron-double/index';
import { REGION, startAwsStandIn, type AwsStandIn } from './aws-names';

export const org = {
  accounts: [
    { accountId: '111111111111', accountName: 'prod', emailAddress: 'ops@example.com', roles: ['Admin', 'ReadOnly'] },
    { accountId: '222222222222', accountName: 'dev', emailAddress: 'dev@example.com', roles: ['Developer'] },
  ],
};

export const work: SsoSession = {
  name: 'work',
  kind: 'sso-session',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: REGION,
  scopes: ['sso:account:access'],
};

export type Scene = {
  aws: AwsStandIn;
  browser: Browser;
  home: string;
  paths: Paths;
  env: Record<string, string>;
  /** Starts the shell (recorded for close()). */
  start(opts?: Partial<RunShellOptions>): Promise<ShellRun>;
  /** `[sso-session work]` in ~/.aws/config, as `aws configure sso` writes it. */
  addSession(): Promise<void>;
  /** settings.json before launch (the shell and the CLI read the same file). */
  settings(values: Record<string, unknown>): Promise<void>;
  /** A token in the AWS CLI's cache, as after `aws sso login`. */
  signIn(opts?: { refreshable?: boolean }): Promise<void>;
  close(): Promise<void>;
};

export async function createScene(emulator: EmulatorOptions = {}): Promise<Scene> {
  const aws = await startAwsStandIn({ org, ...emulator });
  const browser = await launchChromium();
  const home = await mkdtemp(join(tmpdir(), 'lanyard-shell-'));
  const env = aws.env(home);
  const paths = resolvePaths(env, 'linux');
  const runs: ShellRun[] = [];
  return {
    aws,
    browser,
    home,
    paths,
    env,
    async start(opts = {}) {
      const run = await runShell({ env, browser, ...opts });
      runs.push(run);
      return run;
    },
    async addSession() {
      await mkdir(join(home, '.aws'), { recursive: true });
      await writeFile(
        join(home, '.aws', 'config'),
        `[sso-session work]\nsso_start_url = ${work.startUrl}\nsso_region = ${REGION}\nsso_registration_scopes = sso:account:access\n`,
      );
    },
    async settings(values) {
      await mkdir(paths.dataDir, { recursive: true });
      await writeFile(join(paths.dataDir, 'settings.json'), JSON.stringify(values));
    },
    async signIn({ refreshable = true } = {}) {
      const t = aws.emu.control.issueToken({ refreshable });
      await writeTokenFile(paths, work, {
        startUrl: work.startUrl,
        region: REGION,
        accessToken: t.accessToken,
        expiresAt: t.expiresAt,
        ...(t.refreshToken
          ? {
              refreshToken: t.refreshToken,
              clientId: t.clientId,
              clientSecret: t.clientSecret,
              registrationExpiresAt: Date.now() + 90 * 86_400_000,
            }
          : {}),
      });
    },
    async close() {
      for (const r of runs) await r.dispose();
      await browser.close().catch(() => undefined);
      await aws.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
