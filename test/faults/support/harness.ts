import { readdir, readFile } from 'node:fs/promises';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator';
import { createSignIn, type SessionManager, type SignInDeps } from '../../../main/auth/sign-in';
import { createSandbox, type Sandbox } from '../../support/sandbox';

export const START_URL = 'https://d-9000000010.awsapps.com/start';
export const sessionConfig = (name = 'corp', region = 'us-east-1') =>
  `[sso-session ${name}]\nsso_start_url = ${START_URL}\nsso_region = ${region}\nsso_registration_scopes = sso:account:access\n`;

/** An emulator whose clock a test can move forward (device codes, tokens) without sleeping. */
export type SkewedEmulator = RunningEmulator & { skew(ms: number): void };

export async function startSkewedEmulator(opts: EmulatorOptions = {}): Promise<SkewedEmulator> {
  let offset = 0;
  const base = opts.now ?? Date.now;
  const emu = await startEmulator({ throttle: false, ...opts, now: () => base() + offset });
  return Object.assign(emu, { skew: (ms: number) => void (offset += ms) });
}

export type Rig = { sb: Sandbox; signIn: SessionManager; opened: string[] };

/** A fresh temp home with one sso-session and a sign-in core pointed at the emulator (env override). */
export async function rig(emu: RunningEmulator, extra: Partial<SignInDeps> = {}): Promise<Rig> {
  const sb = await createSandbox({ config: sessionConfig() });
  sb.withEnv(emu.env);
  const opened: string[] = [];
  const signIn = createSignIn({
    paths: sb.paths,
    env: sb.env,
    http: { requestTimeoutMs: 400, connectionTimeoutMs: 400 },
    openUrl: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    ...extra,
  });
  return { sb, signIn, opened };
}

/** Device sign-in that approves the code on the emulator as soon as it is shown. */
export function deviceLogin(
  r: Rig,
  emu: RunningEmulator,
  opts: { approve?: 'approve' | 'deny' | 'none' } = {},
) {
  return r.signIn.login('corp', {
    flow: 'device',
    openBrowser: false,
    onPrompt: (p) => {
      if (p.kind !== 'device') return;
      if (opts.approve === 'deny') emu.control.denyDevice(p.userCode);
      else if (opts.approve !== 'none') emu.control.approveDevice(p.userCode);
    },
  });
}

/**
 * Every file under ~/.aws/sso/cache is complete JSON, 0600, and no temp file is left behind:
 * what "no file lost or half-written" means for the cache.
 */
export async function assertCacheIntact(sb: Sandbox): Promise<string[]> {
  const dir = sb.paths.ssoCacheDir;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.json')) throw new Error(`stray file in the cache: ${name}`);
    JSON.parse(await readFile(`${dir}/${name}`, 'utf8'));
  }
  return names;
}
