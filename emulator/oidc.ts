import { createHash } from 'node:crypto';
import { type Ctx, jsonObject, oidcError, sendJson, str, strList } from './http';
import type { Client, EmulatorState } from './state';

// The sso-oidc JSON API: RegisterClient, StartDeviceAuthorization, CreateToken (device code,
// authorization code + PKCE, refresh token). Wire shapes follow the reference doc §1.

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const knownGrants = new Set([DEVICE_GRANT, 'authorization_code', 'refresh_token']);
const scopePattern = /^[A-Za-z0-9:._/-]{1,256}$/;
const secs = (ms: number): number => Math.floor(ms / 1000);

export type OidcDeps = { state: EmulatorState; verificationBaseUrl: () => string };

function body(ctx: Ctx): Record<string, unknown> | undefined {
  const o = jsonObject(ctx.body);
  if (!o) oidcError(ctx.res, 'InvalidRequestException', 'Request body must be a JSON object');
  return o;
}

export function registerClient(ctx: Ctx, { state }: OidcDeps): void {
  const b = body(ctx);
  if (!b) return;
  const clientName = str(b, 'clientName');
  const clientType = str(b, 'clientType');
  if (!clientName || !clientType) {
    return oidcError(ctx.res, 'InvalidRequestException', 'clientName and clientType are required');
  }
  if (clientType !== 'public') {
    return oidcError(ctx.res, 'InvalidClientMetadataException', `Invalid client type: ${clientType}`);
  }
  const scopes = strList(b, 'scopes');
  const redirectUris = strList(b, 'redirectUris');
  const grantTypes = strList(b, 'grantTypes');
  if (scopes === 'invalid' || redirectUris === 'invalid' || grantTypes === 'invalid') {
    return oidcError(
      ctx.res,
      'InvalidRequestException',
      'scopes, redirectUris and grantTypes must be lists of strings',
    );
  }
  const badScope = scopes?.find((s) => !scopePattern.test(s));
  if (badScope !== undefined)
    return oidcError(ctx.res, 'InvalidScopeException', `Invalid scope: ${badScope}`);
  const badGrant = grantTypes?.find((g) => !knownGrants.has(g));
  if (badGrant !== undefined) {
    return oidcError(ctx.res, 'UnsupportedGrantTypeException', `Unsupported grant type: ${badGrant}`);
  }
  for (const uri of redirectUris ?? []) {
    if (!URL.canParse(uri)) return oidcError(ctx.res, 'InvalidRedirectUriException', 'Invalid redirect URI');
  }
  const c = state.registerClient({
    clientName,
    scopes: scopes ?? [],
    redirectUris: redirectUris ?? [],
    grantTypes: grantTypes ?? [],
  });
  sendJson(ctx.res, 200, {
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    clientIdIssuedAt: secs(c.issuedAt),
    clientSecretExpiresAt: secs(c.secretExpiresAt),
    authorizationEndpoint: null,
    tokenEndpoint: null,
  });
}

/** Checks clientId + clientSecret; answers InvalidClientException itself and returns undefined on failure. */
function authenticate(ctx: Ctx, state: EmulatorState, b: Record<string, unknown>): Client | undefined {
  const c = state.clients.get(str(b, 'clientId') ?? '');
  if (!c || c.clientSecret !== str(b, 'clientSecret')) {
    oidcError(ctx.res, 'InvalidClientException', 'Invalid client credentials');
    return undefined;
  }
  if (c.secretExpiresAt <= state.now()) {
    oidcError(ctx.res, 'InvalidClientException', 'Client registration has expired');
    return undefined;
  }
  return c;
}

export function startDeviceAuthorization(ctx: Ctx, { state, verificationBaseUrl }: OidcDeps): void {
  const b = body(ctx);
  if (!b) return;
  const startUrl = str(b, 'startUrl');
  if (!str(b, 'clientId') || !str(b, 'clientSecret') || !startUrl) {
    return oidcError(ctx.res, 'InvalidRequestException', 'clientId, clientSecret and startUrl are required');
  }
  const client = authenticate(ctx, state, b);
  if (!client) return;
  if (!URL.canParse(startUrl)) return oidcError(ctx.res, 'InvalidRequestException', 'Invalid start URL');
  const d = state.startDevice(client.clientId);
  const verificationUri = `${verificationBaseUrl()}/device`;
  sendJson(ctx.res, 200, {
    deviceCode: d.deviceCode,
    userCode: d.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${d.userCode}`,
    expiresIn: Math.ceil(state.ttl.deviceCode),
    interval: Math.ceil(state.ttl.pollInterval),
  });
}

export function createToken(ctx: Ctx, { state }: OidcDeps): void {
  const b = body(ctx);
  if (!b) return;
  const grantType = str(b, 'grantType');
  if (!str(b, 'clientId') || !str(b, 'clientSecret') || !grantType) {
    return oidcError(ctx.res, 'InvalidRequestException', 'clientId, clientSecret and grantType are required');
  }
  const client = authenticate(ctx, state, b);
  if (!client) return;
  if (!knownGrants.has(grantType)) {
    return oidcError(ctx.res, 'UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
  }
  if (client.grantTypes.length > 0 && !client.grantTypes.includes(grantType)) {
    return oidcError(ctx.res, 'UnauthorizedClientException', `Client is not registered for ${grantType}`);
  }
  if (grantType === DEVICE_GRANT) return deviceGrant(ctx, state, client, b);
  if (grantType === 'authorization_code') return codeGrant(ctx, state, client, b);
  return refreshGrant(ctx, state, client, b);
}

function sendTokens(ctx: Ctx, state: EmulatorState, t: ReturnType<EmulatorState['issueTokens']>): void {
  sendJson(ctx.res, 200, {
    accessToken: t.access.token,
    tokenType: 'Bearer',
    expiresIn: Math.max(0, secs(t.access.expiresAt - state.now())),
    // Absent, not null: botocore would otherwise copy a null refreshToken into the CLI's cache file.
    ...(t.refresh ? { refreshToken: t.refresh.token } : {}),
  });
}

function deviceGrant(ctx: Ctx, state: EmulatorState, client: Client, b: Record<string, unknown>): void {
  const d = state.deviceCodes.get(str(b, 'deviceCode') ?? '');
  if (!d || d.clientId !== client.clientId || d.status === 'consumed') {
    return oidcError(ctx.res, 'InvalidGrantException', 'Invalid device code provided');
  }
  const now = state.now();
  if (d.expiresAt <= now) return oidcError(ctx.res, 'ExpiredTokenException', 'Device code has expired');
  if (d.status === 'denied') return oidcError(ctx.res, 'AccessDeniedException', 'Access denied by the user');
  const last = d.lastPollAt;
  d.lastPollAt = now;
  d.polls++;
  // The AWS CLI polls once before showing the code and once more straight away, then every `interval`
  // seconds: those first two polls are fine. After that, polling faster than 90% of the interval is slow_down.
  const forced = state.slowDownNext > 0;
  if (forced) state.slowDownNext--;
  if (forced || (d.polls > 2 && last !== undefined && now - last < state.ttl.pollInterval * 900)) {
    return oidcError(ctx.res, 'SlowDownException', 'Client is polling too quickly');
  }
  if (d.status === 'pending') {
    return oidcError(ctx.res, 'AuthorizationPendingException', 'Authorization is still pending');
  }
  d.status = 'consumed';
  sendTokens(ctx, state, state.issueTokens(client));
}

function codeGrant(ctx: Ctx, state: EmulatorState, client: Client, b: Record<string, unknown>): void {
  const code = state.authCodes.get(str(b, 'code') ?? '');
  const verifier = str(b, 'codeVerifier') ?? '';
  if (!code || code.used || code.clientId !== client.clientId) {
    return oidcError(ctx.res, 'InvalidGrantException', 'Invalid authorization code provided');
  }
  if (code.expiresAt <= state.now()) {
    return oidcError(ctx.res, 'ExpiredTokenException', 'Authorization code has expired');
  }
  if (str(b, 'redirectUri') !== code.redirectUri) {
    return oidcError(
      ctx.res,
      'InvalidGrantException',
      'redirectUri does not match the authorization request',
    );
  }
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  if (challenge !== code.codeChallenge) {
    return oidcError(ctx.res, 'InvalidGrantException', 'Code verifier does not match the code challenge');
  }
  code.used = true;
  sendTokens(ctx, state, state.issueTokens(client));
}

function refreshGrant(ctx: Ctx, state: EmulatorState, client: Client, b: Record<string, unknown>): void {
  const r = state.refreshTokens.get(str(b, 'refreshToken') ?? '');
  if (!r || r.used || r.clientId !== client.clientId) {
    return oidcError(ctx.res, 'InvalidGrantException', 'Invalid refresh token provided');
  }
  const session = state.sessionActive(r.sessionId);
  if (!session) return oidcError(ctx.res, 'InvalidGrantException', 'Session has expired or was signed out');
  // Rotation: each refresh token works once; the response carries its successor.
  r.used = true;
  sendTokens(ctx, state, state.tokensForSession(session, true));
}
