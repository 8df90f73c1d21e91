import { type Ctx, redirect, sendJson } from './http';
import { opaque } from './random';
import type { EmulatorState } from './state';

// A stand-in for https://signin.aws.amazon.com/federation (reference doc §5.1): it turns role
// credentials this emulator issued into a sign-in token, and a fresh token into a 302 to the console.

const SIGNIN_TOKEN_MS = 15 * 60 * 1000;

function fail(ctx: Ctx, message: string): void {
  sendJson(ctx.res, 400, { message });
}

/** GET with query parameters, or POST with a form body (aws-sso-util does that). */
function params(ctx: Ctx): URLSearchParams {
  if (ctx.req.method === 'POST') return new URLSearchParams(ctx.body);
  return ctx.url.searchParams;
}

export function federationOperation(ctx: Ctx): 'GetSigninToken' | 'FederationLogin' | undefined {
  const action = params(ctx).get('Action');
  if (action === 'getSigninToken') return 'GetSigninToken';
  if (action === 'login') return 'FederationLogin';
  return undefined;
}

export function federation(ctx: Ctx, state: EmulatorState): void {
  const p = params(ctx);
  const action = p.get('Action');
  if (action === 'getSigninToken') return getSigninToken(ctx, state, p);
  if (action === 'login') return login(ctx, state, p);
  fail(ctx, 'Action must be getSigninToken or login');
}

function getSigninToken(ctx: Ctx, state: EmulatorState, p: URLSearchParams): void {
  const duration = p.get('SessionDuration');
  if (duration !== null) {
    const n = Number(duration);
    if (!/^\d+$/.test(duration) || n < 900 || n > 43200) {
      return fail(ctx, 'SessionDuration must be between 900 and 43200 seconds');
    }
  }
  let session: unknown;
  try {
    session = JSON.parse(p.get('Session') ?? '');
  } catch {
    return fail(ctx, 'Session must be a JSON object with sessionId, sessionKey and sessionToken');
  }
  const s = (session ?? {}) as Record<string, unknown>;
  const creds = typeof s.sessionId === 'string' ? state.roleCredentials.get(s.sessionId) : undefined;
  if (!creds || creds.secretAccessKey !== s.sessionKey || creds.sessionToken !== s.sessionToken) {
    return fail(ctx, 'The credentials in Session were not issued by this Identity Center');
  }
  if (creds.expiration <= state.now()) return fail(ctx, 'The credentials in Session have expired');
  const token = opaque('', 240);
  state.signinTokens.set(token, { token, issuedAt: state.now(), accessKeyId: creds.accessKeyId });
  sendJson(ctx.res, 200, { SigninToken: token });
}

function login(ctx: Ctx, state: EmulatorState, p: URLSearchParams): void {
  const destination = p.get('Destination') ?? '';
  const t = state.signinTokens.get(p.get('SigninToken') ?? '');
  if (!t || state.now() - t.issuedAt > SIGNIN_TOKEN_MS) {
    return fail(ctx, 'SigninToken is missing, unknown or older than 15 minutes');
  }
  // Only web destinations: a federation endpoint must not become an open redirect to javascript: URLs.
  if (!URL.canParse(destination) || !/^https?:$/.test(new URL(destination).protocol)) {
    return fail(ctx, 'Destination must be an http(s) URL');
  }
  redirect(ctx.res, destination);
}

/**
 * The console's sign-out, `https://signin.aws.amazon.com/oauth?Action=logout&redirect_uri=…`, which
 * Lanyard puts in front of a federation login so a console already signed in as another role does not
 * win. It ends no session here (the emulator keeps no console cookies); it only forwards, and only to
 * this emulator's own pages or an https page, so it cannot become an open redirect to other schemes.
 */
export function consoleLogout(ctx: Ctx): void {
  if (ctx.url.searchParams.get('Action') !== 'logout') return fail(ctx, 'Action must be logout');
  const next = ctx.url.searchParams.get('redirect_uri') ?? '';
  if (!URL.canParse(next)) return fail(ctx, 'redirect_uri must be a URL');
  const target = new URL(next);
  if (target.protocol !== 'https:' && target.host !== ctx.req.headers.host) {
    return fail(ctx, 'redirect_uri must be https or a page of this emulator');
  }
  redirect(ctx.res, target.href);
}
