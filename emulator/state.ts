import { accessKeyId, clientId as newClientId, opaque, userCode as newUserCode } from './random';
import type { AuthorizeMode, OrgSpec } from './types';

// Everything the emulator remembers, in plain maps. Time is always read through `now()` so tests can
// move a fake clock instead of sleeping.

export type Client = {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  redirectUris: string[];
  grantTypes: string[];
  issuedAt: number; // ms
  secretExpiresAt: number; // ms
};

export type DeviceCode = {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  status: 'pending' | 'approved' | 'denied' | 'consumed';
  lastPollAt?: number;
  polls: number;
};

export type AuthCode = {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
};

/** An /authorize request waiting for the person to click Allow or Deny (manual mode). */
export type AuthRequest = Omit<AuthCode, 'code' | 'used'> & { id: string; state: string | null };

/** An Identity Center sign-in: refresh tokens live as long as this; Logout or endSessions() ends it. */
export type Session = {
  id: string;
  clientId: string;
  /** When the person signed in (ms): the session length counts from here. */
  startedAt: number;
  expiresAt: number;
  refreshable: boolean;
  ended: boolean;
};
export type AccessToken = { token: string; sessionId: string; expiresAt: number; revoked: boolean };
export type RefreshToken = { token: string; sessionId: string; clientId: string; used: boolean };

export type RoleCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
  accountId: string;
  roleName: string;
};
export type SigninToken = { token: string; issuedAt: number; accessKeyId: string };

export type Ttls = {
  accessToken: number;
  legacyToken: number;
  session: number;
  deviceCode: number;
  pollInterval: number;
  roleCredentials: number;
};

export const REGISTRATION_SECONDS = 90 * 24 * 3600;
export const AUTH_CODE_SECONDS = 600;

export class EmulatorState {
  readonly clients = new Map<string, Client>();
  readonly deviceCodes = new Map<string, DeviceCode>();
  /** Device-grant polls still to be answered with slow_down, whatever their pace (control `slowDown`). */
  slowDownNext = 0;
  readonly authCodes = new Map<string, AuthCode>();
  readonly authRequests = new Map<string, AuthRequest>();
  readonly sessions = new Map<string, Session>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  readonly roleCredentials = new Map<string, RoleCredentials>();
  readonly signinTokens = new Map<string, SigninToken>();
  readonly calls = new Map<string, number>();
  authorizeMode: AuthorizeMode;
  /** With autoApprove, device codes are born approved: a login completes on its first poll. */
  autoApproveDevices = false;
  pageSize: number;
  org: OrgSpec;

  constructor(
    readonly now: () => number,
    readonly region: string,
    readonly ttl: Ttls,
    opts: { org: OrgSpec; pageSize: number; authorizeMode: AuthorizeMode },
  ) {
    this.org = opts.org;
    this.pageSize = opts.pageSize;
    this.authorizeMode = opts.authorizeMode;
  }

  count(operation: string): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
  }

  registerClient(input: Pick<Client, 'clientName' | 'scopes' | 'redirectUris' | 'grantTypes'>): Client {
    const issuedAt = this.now();
    const client: Client = {
      ...input,
      clientId: newClientId(this.region),
      // Real secrets look like a JWS; clients must treat them as opaque, so any long random string will do.
      clientSecret: 'eyJraWQiOiJrZXktZW11bGF0b3IiLCJhbGciOiJIUzM4NCJ9.' + opaque('', 96),
      issuedAt,
      secretExpiresAt: issuedAt + REGISTRATION_SECONDS * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  startDevice(clientId: string): DeviceCode {
    let userCode = newUserCode();
    while ([...this.deviceCodes.values()].some((d) => d.userCode === userCode)) userCode = newUserCode();
    const device: DeviceCode = {
      deviceCode: opaque('', 64),
      userCode,
      clientId,
      expiresAt: this.now() + this.ttl.deviceCode * 1000,
      status: this.autoApproveDevices ? 'approved' : 'pending',
      polls: 0,
    };
    this.deviceCodes.set(device.deviceCode, device);
    return device;
  }

  findDeviceByUserCode(userCode: string): DeviceCode | undefined {
    const wanted = userCode
      .trim()
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '');
    for (const d of this.deviceCodes.values()) {
      if (d.userCode.replace('-', '') === wanted && d.status === 'pending' && d.expiresAt > this.now())
        return d;
    }
    return undefined;
  }

  /** Starts a sign-in for a client: refreshable (scoped) clients get a refresh token and a session. */
  issueTokens(client: Client): { access: AccessToken; refresh?: RefreshToken } {
    const refreshable = client.scopes.length > 0;
    const now = this.now();
    const session: Session = {
      id: opaque('', 16),
      clientId: client.clientId,
      startedAt: now,
      expiresAt: now + (refreshable ? this.ttl.session : this.ttl.legacyToken) * 1000,
      refreshable,
      ended: false,
    };
    this.sessions.set(session.id, session);
    return this.tokensForSession(session, refreshable);
  }

  tokensForSession(session: Session, refreshable: boolean): { access: AccessToken; refresh?: RefreshToken } {
    const ttl = refreshable ? this.ttl.accessToken : this.ttl.legacyToken;
    const access: AccessToken = {
      token: opaque('aoa', 96),
      sessionId: session.id,
      expiresAt: Math.min(this.now() + ttl * 1000, session.expiresAt),
      revoked: false,
    };
    this.accessTokens.set(access.token, access);
    if (!refreshable) return { access };
    const refresh: RefreshToken = {
      token: opaque('aor', 128),
      sessionId: session.id,
      clientId: session.clientId,
      used: false,
    };
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  sessionActive(sessionId: string): Session | undefined {
    const s = this.sessions.get(sessionId);
    return s && !s.ended && s.expiresAt > this.now() ? s : undefined;
  }

  /** The session behind a bearer token, if the portal should accept it. */
  validBearer(token: string | undefined): AccessToken | undefined {
    if (!token) return undefined;
    const t = this.accessTokens.get(token);
    if (!t || t.revoked || t.expiresAt <= this.now()) return undefined;
    return this.sessionActive(t.sessionId) ? t : undefined;
  }

  /**
   * Identity Center's session duration, as an administrator changes it: it applies to sessions
   * already running (counted from their sign-in), and no access token outlives its session.
   */
  setSessionLength(seconds: number): void {
    this.ttl.session = seconds;
    for (const s of this.sessions.values()) {
      if (!s.refreshable) continue;
      s.expiresAt = s.startedAt + seconds * 1000;
      for (const t of this.accessTokens.values())
        if (t.sessionId === s.id) t.expiresAt = Math.min(t.expiresAt, s.expiresAt);
    }
  }

  endSession(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    if (s) s.ended = true;
    for (const t of this.accessTokens.values()) if (t.sessionId === sessionId) t.revoked = true;
  }

  issueRoleCredentials(accountId: string, roleName: string): RoleCredentials {
    const creds: RoleCredentials = {
      accessKeyId: accessKeyId(),
      secretAccessKey: opaque('', 30),
      sessionToken: opaque('IQoJb3JpZ2luX2VjE', 300),
      expiration: this.now() + this.ttl.roleCredentials * 1000,
      accountId,
      roleName,
    };
    this.roleCredentials.set(creds.accessKeyId, creds);
    return creds;
  }
}
