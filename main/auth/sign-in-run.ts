import type { SsoSession } from '../../app/domain/session';
import { assertUrl } from '../../app/policy/urls';
import { allowedOrigins } from '../aws/endpoints';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { runDevice, runPkce, type FlowContext } from './flows';
import { openOidc, type OidcDeps } from './oidc';
import type { SignInPrompt } from './prompts';
import { whyNotRefreshable } from './refresh';
import { getRegistration, type Flow } from './registration';
import { errorName, toLanyardError } from './service-errors';
import { formatCacheTime } from './timestamps';
import { writeTokenFile, type CachedToken } from './token-cache';

const log = createLogger('auth.sign-in');

export type LoginResult = { session: SsoSession; flow: Flow; expiresAt: string; refreshable: boolean };

export type SignInRunDeps = OidcDeps & {
  paths: Paths;
  openUrl: (url: string) => Promise<void>;
  now: () => number;
  pkceTimeoutMs?: number;
};

/** One sign-in from registration to the written token file, re-registering once if the client is refused. */
export async function runSignIn(
  deps: SignInRunDeps,
  session: SsoSession,
  flow: Flow,
  opts: { openBrowser?: boolean; signal: AbortSignal; onPrompt: (p: SignInPrompt) => void },
): Promise<LoginResult> {
  const { now } = deps;
  const { signal } = opts;
  const oidc = await openOidc(session.region, deps);
  const origins = allowedOrigins(deps.env, deps.endpoints);
  try {
    for (let attempt = 0; ; attempt++) {
      const registration = await getRegistration(oidc, deps.paths, session, flow, now(), {
        force: attempt > 0,
        signal,
      });
      const ctx: FlowContext = {
        oidc,
        session,
        registration,
        open: opts.openBrowser === false ? undefined : deps.openUrl,
        check: (url) => void assertUrl(url, 'sign-in', origins),
        onPrompt: opts.onPrompt,
        signal,
        now,
        pkceTimeoutMs: deps.pkceTimeoutMs ?? 10 * 60_000,
      };
      try {
        const out = flow === 'pkce' ? await runPkce(ctx) : await runDevice(ctx);
        const token: CachedToken = {
          startUrl: session.startUrl,
          region: session.region,
          accessToken: out.accessToken,
          expiresAt: now() + out.expiresIn * 1000,
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          registrationExpiresAt: registration.expiresAt,
          refreshToken: out.refreshToken,
        };
        await writeTokenFile(deps.paths, session, token);
        log.info(`signed in to ${session.name} (${flow})`);
        return {
          session,
          flow,
          expiresAt: formatCacheTime(token.expiresAt),
          refreshable: whyNotRefreshable(token, now()) === undefined,
        };
      } catch (e) {
        // A registration the service no longer knows (deleted, rotated): register again, once.
        if (errorName(e) === 'InvalidClientException' && attempt === 0) {
          log.warn(`the cached client registration for ${session.name} was refused; registering again`);
          continue;
        }
        throw toLanyardError(e, oidc.endpoint, 'Sign-in');
      }
    }
  } finally {
    oidc.client.destroy();
  }
}
