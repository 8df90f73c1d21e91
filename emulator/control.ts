import type { Chaos } from './faults';
import { type Ctx, messageError, sendJson } from './http';
import { parseOrg } from './org';
import { parseFaults, parseLatency, parseSessionLength, parseThrottle } from './schemas';
import type { EmulatorState } from './state';
import type { TokenBucket } from './throttle';
import { type AuthorizeMode, type EmulatorControl, EmulatorError } from './types';

// The test-side remote: in-process (EmulatorControl) and as JSON over HTTP under /_emulator/.

export function createControl(
  state: EmulatorState,
  chaos: Chaos,
  bucket: TokenBucket,
  verificationBaseUrl: () => string,
): EmulatorControl {
  const device = (userCode: string) => {
    const d = state.findDeviceByUserCode(userCode);
    if (!d) throw new EmulatorError(`no pending device authorization with user code ${userCode}`);
    return d;
  };
  return {
    approveDevice: (userCode) => void (device(userCode).status = 'approved'),
    denyDevice: (userCode) => void (device(userCode).status = 'denied'),
    pendingDeviceCodes: () =>
      [...state.deviceCodes.values()]
        .filter((d) => d.status === 'pending' && d.expiresAt > state.now())
        .map((d) => ({
          userCode: d.userCode,
          verificationUriComplete: `${verificationBaseUrl()}/device?user_code=${d.userCode}`,
          clientName: state.clients.get(d.clientId)?.clientName ?? '',
        })),
    slowDown: (count) => {
      if (!Number.isInteger(count) || count < 0)
        throw new EmulatorError('slowDown needs a count of 0 or more');
      state.slowDownNext = count;
    },
    setAuthorizeMode: (mode: AuthorizeMode) => {
      if (!['manual', 'approve', 'deny'].includes(mode))
        throw new EmulatorError(`unknown authorize mode: ${String(mode)}`);
      state.authorizeMode = mode;
    },
    issueToken: (opts = {}) => {
      const refreshable = opts.refreshable ?? true;
      const client = state.registerClient({
        clientName: 'emulator-issued',
        scopes: refreshable ? ['sso:account:access'] : [],
        redirectUris: [],
        grantTypes: [],
      });
      const t = state.issueTokens(client);
      return {
        accessToken: t.access.token,
        ...(t.refresh ? { refreshToken: t.refresh.token } : {}),
        expiresAt: t.access.expiresAt,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
      };
    },
    revokeToken: (accessToken) => {
      const t = state.accessTokens.get(accessToken);
      if (!t) throw new EmulatorError('revokeToken: this access token was never issued here');
      t.revoked = true;
    },
    revokeAll: () => {
      for (const t of state.accessTokens.values()) t.revoked = true;
    },
    expireAccessTokens: () => {
      const now = state.now();
      for (const t of state.accessTokens.values()) t.expiresAt = Math.min(t.expiresAt, now);
    },
    endSessions: () => {
      for (const s of state.sessions.values()) state.endSession(s.id);
    },
    setSessionLength: (seconds) => state.setSessionLength(parseSessionLength(seconds)),
    sessionLength: () => state.ttl.session,
    expireRegistrations: () => {
      const now = state.now();
      for (const c of state.clients.values()) c.secretExpiresAt = Math.min(c.secretExpiresAt, now);
    },
    calls: () => Object.fromEntries(state.calls),
    resetCalls: () => state.calls.clear(),
    setFaults: (f) => chaos.setFaults(parseFaults(f)),
    setLatency: (ms) => chaos.setLatency(parseLatency(ms)),
    setThrottle: (t) => bucket.set(parseThrottle(t)),
    org: () => structuredClone(state.org),
    setOrg: (org) => void (state.org = parseOrg(org)),
    issuedRoleCredentials: () =>
      [...state.roleCredentials.values()].map(({ accessKeyId, accountId, roleName }) => ({
        accessKeyId,
        accountId,
        roleName,
      })),
  };
}

type ControlAction = (c: EmulatorControl, body: unknown) => unknown;

const field = (body: unknown, key: string): string => {
  const v = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof v !== 'string' || v === '') throw new EmulatorError(`body needs a string "${key}"`);
  return v;
};
const ok = { ok: true };

const getActions: Record<string, (c: EmulatorControl) => unknown> = {
  pending: (c) => c.pendingDeviceCodes(),
  calls: (c) => c.calls(),
  org: (c) => c.org(),
  'role-credentials': (c) => c.issuedRoleCredentials(),
  'session-length': (c) => ({ seconds: c.sessionLength() }),
};

const postActions: Record<string, ControlAction> = {
  approve: (c, b) => (c.approveDevice(field(b, 'userCode')), ok),
  deny: (c, b) => (c.denyDevice(field(b, 'userCode')), ok),
  'slow-down': (c, b) => (c.slowDown(Number((b as { count?: unknown }).count ?? 1)), ok),
  'authorize-mode': (c, b) => (c.setAuthorizeMode(field(b, 'mode') as AuthorizeMode), ok),
  'issue-token': (c, b) =>
    c.issueToken({ refreshable: (b as { refreshable?: unknown }).refreshable !== false }),
  revoke: (c, b) => (c.revokeToken(field(b, 'accessToken')), ok),
  'revoke-all': (c) => (c.revokeAll(), ok),
  'expire-access-tokens': (c) => (c.expireAccessTokens(), ok),
  'end-sessions': (c) => (c.endSessions(), ok),
  'expire-registrations': (c) => (c.expireRegistrations(), ok),
  // {"seconds": 120} or {"length": "2m"}: whichever is handier from a shell.
  'session-length': (c, b) => {
    const o = b !== null && typeof b === 'object' ? (b as Record<string, unknown>) : {};
    c.setSessionLength(parseSessionLength(o.length ?? o.seconds));
    return ok;
  },
  'reset-calls': (c) => (c.resetCalls(), ok),
  faults: (c, b) => (c.setFaults(parseFaults(b)), ok),
  // Accepts a bare number/object or {"ms": ...}, whichever is handier from a shell.
  latency: (c, b) => (
    c.setLatency(parseLatency(b !== null && typeof b === 'object' && 'ms' in b ? b.ms : b)),
    ok
  ),
  throttle: (c, b) => (c.setThrottle(parseThrottle(b)), ok),
  org: (c, b) => (c.setOrg(parseOrg(b)), ok),
};

export function controlRoute(ctx: Ctx, control: EmulatorControl): void {
  const name = ctx.url.pathname.slice('/_emulator/'.length);
  const table = ctx.req.method === 'GET' ? getActions : ctx.req.method === 'POST' ? postActions : {};
  const action = table[name];
  if (!action) {
    const known = name in getActions || name in postActions;
    return messageError(
      ctx.res,
      known ? 405 : 404,
      known ? 'MethodNotAllowed' : 'NotFound',
      `no control action ${ctx.req.method} /_emulator/${name}`,
    );
  }
  let body: unknown = {};
  if (ctx.req.method === 'POST' && ctx.body.trim() !== '') {
    try {
      body = JSON.parse(ctx.body);
    } catch {
      return messageError(ctx.res, 400, 'InvalidRequest', 'control body must be JSON');
    }
  }
  try {
    sendJson(ctx.res, 200, action(control, body ?? {}));
  } catch (e) {
    if (e instanceof EmulatorError)
      return messageError(
        ctx.res,
        e.message.startsWith('no pending') ? 404 : 400,
        'InvalidRequest',
        e.message,
      );
    throw e;
  }
}
