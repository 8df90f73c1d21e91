import { type Ctx, redirect, sendHtml } from './http';
import { authorizeConsentPage, resultPage } from './pages';
import { opaque } from './random';
import { AUTH_CODE_SECONDS, type AuthRequest, type EmulatorState } from './state';

// GET /authorize (browser-facing, authorization code + PKCE as the AWS CLI ≥ 2.22 does it) and
// POST /authorize/decision (the consent form in manual mode).

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** RFC 8252 §7.3: a registered loopback redirect matches the same scheme, host and path on any port. */
export function redirectAllowed(registered: string[], requested: string): boolean {
  if (!URL.canParse(requested)) return false;
  const r = new URL(requested);
  if (r.protocol !== 'http:' || !loopbackHosts.has(r.hostname)) return false;
  return registered.some((uri) => {
    if (!URL.canParse(uri)) return false;
    const g = new URL(uri);
    return (
      g.protocol === r.protocol &&
      g.hostname === r.hostname &&
      g.pathname === r.pathname &&
      (g.port === '' || g.port === r.port)
    );
  });
}

function withParams(base: string, params: Record<string, string | null>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
  return u.toString();
}

export function authorize(ctx: Ctx, state: EmulatorState): void {
  const q = ctx.url.searchParams;
  const client = state.clients.get(q.get('client_id') ?? '');
  // Without a trustworthy client and redirect target the only safe answer is a page, never a redirect.
  if (!client || client.secretExpiresAt <= state.now()) {
    return sendHtml(ctx.res, 400, resultPage('Invalid request', 'Unknown or expired client_id.'));
  }
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!redirectAllowed(client.redirectUris, redirectUri)) {
    return sendHtml(
      ctx.res,
      400,
      resultPage('Invalid request', 'redirect_uri is not a registered loopback address.'),
    );
  }
  const stateParam = q.get('state');
  const fail = (error: string, description: string): void =>
    redirect(ctx.res, withParams(redirectUri, { error, error_description: description, state: stateParam }));
  if (q.get('response_type') !== 'code')
    return fail('unsupported_response_type', 'response_type must be code');
  const challenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
  }
  const scopes = (q.get('scopes') ?? '').split(/[\s,]+/).filter(Boolean);
  if (scopes.some((s) => !client.scopes.includes(s)))
    return fail('invalid_scope', 'Scope was not registered');
  const request: AuthRequest = {
    id: opaque('', 18),
    clientId: client.clientId,
    redirectUri,
    codeChallenge: challenge,
    scopes: scopes.length ? scopes : client.scopes,
    expiresAt: state.now() + AUTH_CODE_SECONDS * 1000,
    state: stateParam,
  };
  if (state.authorizeMode === 'manual') {
    state.authRequests.set(request.id, request);
    const page = authorizeConsentPage(request.id, client.clientName, request.scopes);
    return sendHtml(ctx.res, 200, page, [new URL(redirectUri).origin]);
  }
  finish(ctx, state, request, state.authorizeMode === 'approve');
}

function finish(ctx: Ctx, state: EmulatorState, request: AuthRequest, approved: boolean): void {
  if (!approved) {
    return redirect(
      ctx.res,
      withParams(request.redirectUri, { error: 'access_denied', state: request.state }),
    );
  }
  const code = opaque('', 48);
  const { id: _id, state: _state, ...rest } = request;
  state.authCodes.set(code, { ...rest, code, used: false });
  redirect(ctx.res, withParams(request.redirectUri, { code, state: request.state }));
}

export function authorizeDecision(ctx: Ctx, state: EmulatorState): void {
  const form = new URLSearchParams(ctx.body);
  const request = state.authRequests.get(form.get('request') ?? '');
  if (!request || request.expiresAt <= state.now()) {
    return sendHtml(
      ctx.res,
      400,
      resultPage('Request expired', 'Start the sign-in again from the application.'),
    );
  }
  const action = form.get('action');
  if (action !== 'approve' && action !== 'deny') {
    return sendHtml(ctx.res, 400, resultPage('Bad request', 'Choose Allow or Deny.'));
  }
  state.authRequests.delete(request.id);
  finish(ctx, state, request, action === 'approve');
}
