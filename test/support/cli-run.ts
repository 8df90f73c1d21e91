import type { CliContext } from '../../main/cli/context';
import { main } from '../../main/cli/main';
import { writeTokenFile } from '../../main/auth/token-cache';
import type { SsoSession } from '../../app/domain/session';
import type { RunningEmulator } from '../../emulator/index';
import type { Sandbox } from './sandbox';

export type CliRun = { code: number; stdout: string; stderr: string; opened: string[] };

/** Runs the CLI in-process against a sandbox, capturing its output (as `lanyard ARGV` would). */
export async function runCli(
  sandbox: Sandbox,
  env: Record<string, string | undefined>,
  argv: string[],
  /** follow: the "browser" opens URLs (and their redirects) this accepts, e.g. a sign-in page on the emulator. */
  opts: { tty?: boolean; follow?: (url: string) => boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const opened: string[] = [];
  const ctx: CliContext = {
    paths: sandbox.paths,
    env,
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s), isTTY: opts.tty },
    openUrl: async (u) => {
      opened.push(u);
      for (let url: string | null = u, hops = 0; url && opts.follow?.(url) && hops < 5; hops++) {
        const res: Response = await fetch(url, { redirect: 'manual' });
        const next = res.headers.get('location');
        url = next && new URL(next, url).href;
      }
    },
    signal: new AbortController().signal,
    now: Date.now,
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr, opened };
}

/**
 * Signs a session in without a flow: an emulator-issued, refreshable token in the AWS CLI's cache.
 * Returns the token as issued, for tests that revoke it or watch it being renewed.
 */
export async function signInWithEmulator(
  emu: RunningEmulator,
  sandbox: Pick<Sandbox, 'paths'>,
  session: SsoSession,
): Promise<ReturnType<RunningEmulator['control']['issueToken']>> {
  const t = emu.control.issueToken({ refreshable: true });
  await writeTokenFile(sandbox.paths, session, {
    startUrl: session.startUrl,
    region: session.region,
    accessToken: t.accessToken,
    expiresAt: t.expiresAt,
    clientId: t.clientId,
    clientSecret: t.clientSecret,
    registrationExpiresAt: Date.now() + 80 * 86_400_000,
    refreshToken: t.refreshToken,
  });
  return t;
}

export function ssoSessionSection(s: SsoSession): string {
  return `[sso-session ${s.name}]\nsso_start_url = ${s.startUrl}\nsso_region = ${s.region}\nsso_registration_scopes = sso:account:access\n`;
}
