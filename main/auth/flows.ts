import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import { createLogger } from '../log/logger';
import { pollSchedule } from './device-poll';
import { registerSecret } from '../log/redact';
import { openLoopback } from './loopback';
import type { Oidc, TokenResponse } from './oidc';
import { authorizeUrl, codeChallenge, makeCodeVerifier, makeState } from './pkce';
import type { SignInPrompt } from './prompts';
import type { Registration } from './registration-cache';
import { defaultScopes } from './registration';
import { errorName, toLanyardError } from './service-errors';
import { formatCacheTime } from './timestamps';

const log = createLogger('auth.flows');

export type FlowContext = {
  oidc: Oidc;
  session: SsoSession;
  registration: Registration;
  /** Opens a URL in the browser after it passed the allow-list; undefined when told not to open. */
  open?: (url: string) => Promise<void>;
  /** Throws URL_NOT_ALLOWED for a URL that must not be opened or shown. */
  check: (url: string) => void;
  onPrompt: (p: SignInPrompt) => void;
  signal?: AbortSignal;
  now: () => number;
  pkceTimeoutMs: number;
};

async function tryOpen(ctx: FlowContext, url: string): Promise<boolean> {
  if (!ctx.open) return false;
  try {
    await ctx.open(url);
    return true;
  } catch (e) {
    // No browser (SSH, container): the person still has the printed URL.
    log.warn(`could not open the browser: ${(e as Error).message}`);
    return false;
  }
}

function cancelled(): LanyardError {
  return new LanyardError('CANCELLED', 'Sign-in was cancelled.');
}

/** Authorization code with PKCE, as `aws sso login` does by default (doc §1.8). */
export async function runPkce(ctx: FlowContext): Promise<TokenResponse> {
  const verifier = makeCodeVerifier();
  const state = makeState();
  const loopback = await openLoopback(state, { timeoutMs: ctx.pkceTimeoutMs, signal: ctx.signal });
  try {
    const url = authorizeUrl(ctx.oidc.endpoint, {
      clientId: ctx.registration.clientId,
      redirectUri: loopback.redirectUri,
      state,
      scopes: ctx.registration.scopes ?? (ctx.session.scopes.length ? ctx.session.scopes : defaultScopes),
      challenge: codeChallenge(verifier),
    });
    ctx.check(url);
    const opened = await tryOpen(ctx, url);
    ctx.onPrompt({ session: ctx.session.name, kind: 'browser', url, opened });
    const code = await loopback.code;
    registerSecret(code);
    try {
      return await ctx.oidc.createToken(
        {
          clientId: ctx.registration.clientId,
          clientSecret: ctx.registration.clientSecret,
          grantType: 'authorization_code',
          code,
          codeVerifier: verifier,
          redirectUri: loopback.redirectUri,
        },
        ctx.signal,
      );
    } catch (e) {
      throw errorName(e) === 'InvalidClientException' ? e : toLanyardError(e, ctx.oidc.endpoint, 'Sign-in');
    }
  } finally {
    loopback.close();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function codeExpired(userCode: string): LanyardError {
  return new LanyardError(
    'SIGN_IN_TIMED_OUT',
    `The sign-in code ${userCode} expired before it was approved. Run the sign-in again.`,
  );
}

/** Device authorization, as the AWS CLI does it (doc §1.9); the only flow for legacy profiles. */
export async function runDevice(ctx: FlowContext): Promise<TokenResponse> {
  const { StartDeviceAuthorizationCommand } = await import('@aws-sdk/client-sso-oidc');
  const { clientId, clientSecret } = ctx.registration;
  let start;
  try {
    start = await ctx.oidc.client.send(
      new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: ctx.session.startUrl }),
      { abortSignal: ctx.signal },
    );
  } catch (e) {
    throw errorName(e) === 'InvalidClientException' ? e : toLanyardError(e, ctx.oidc.endpoint, 'Sign-in');
  }
  const { deviceCode, userCode, verificationUri, verificationUriComplete } = start;
  if (!deviceCode || !userCode || !verificationUri)
    throw new LanyardError(
      'SERVICE',
      'Identity Center started no device sign-in (the answer lacked a code).',
    );
  registerSecret(deviceCode);
  const complete = verificationUriComplete ?? `${verificationUri}?user_code=${encodeURIComponent(userCode)}`;
  const schedule = pollSchedule(start, ctx.now);
  const { expiresAt } = schedule;
  const poll = () =>
    ctx.oidc.createToken(
      { clientId, clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode },
      ctx.signal,
    );
  let prompted = false;
  for (;;) {
    try {
      // The first attempt comes before the code is shown: pre-authorized clients finish silently.
      return await poll();
    } catch (e) {
      const name = errorName(e);
      if (name === 'SlowDownException') schedule.slowDown();
      else if (name === 'ExpiredTokenException') throw codeExpired(userCode);
      else if (name === 'AccessDeniedException')
        throw new LanyardError(
          'SIGN_IN_DENIED',
          `The sign-in with code ${userCode} was denied in the browser.`,
        );
      else if (name !== 'AuthorizationPendingException')
        throw name === 'InvalidClientException' ? e : toLanyardError(e, ctx.oidc.endpoint, 'Sign-in');
    }
    if (!prompted) {
      prompted = true;
      ctx.check(verificationUri);
      ctx.check(complete);
      const opened = await tryOpen(ctx, complete);
      ctx.onPrompt({
        session: ctx.session.name,
        kind: 'device',
        userCode,
        verificationUri,
        verificationUriComplete: complete,
        expiresAt: formatCacheTime(expiresAt),
        opened,
      });
    }
    const delay = schedule.nextDelay();
    if (delay === undefined) throw codeExpired(userCode);
    await sleep(delay, ctx.signal);
  }
}
