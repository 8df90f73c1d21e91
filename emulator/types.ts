export type OrgAccount = { accountId: string; accountName: string; emailAddress: string; roles: string[] };
/** `hostileNames: true` lets role names hold anything (control characters too), as a hostile portal's. */
export type OrgSpec = { accounts: OrgAccount[]; hostileNames?: true };

export type Latency = number | { min: number; max: number };
export type ThrottleSpec = { ratePerSecond: number; burst?: number } | false;
export type AuthorizeMode = 'manual' | 'approve' | 'deny';

export type FaultOptions = {
  serverErrorRate?: number;
  timeoutRate?: number;
  malformedRate?: number;
  throttleRate?: number;
  /** Operation names the faults apply to (e.g. ['ListAccountRoles']); default every API operation. */
  operations?: string[];
  seed?: number;
};

export type GenerateSpec = { accounts: number; rolesPerAccount?: number | [number, number]; seed?: number };

export type EmulatorOptions = {
  host?: string;
  port?: number;
  region?: string;
  org?: OrgSpec | { generate: GenerateSpec };
  accessTokenTtlSeconds?: number;
  legacyTokenTtlSeconds?: number;
  sessionTtlSeconds?: number;
  deviceCodeTtlSeconds?: number;
  pollIntervalSeconds?: number;
  roleCredentialsTtlSeconds?: number;
  pageSize?: number;
  latencyMs?: Latency;
  throttle?: ThrottleSpec;
  faults?: FaultOptions;
  autoApprove?: boolean;
  verificationBaseUrl?: string;
  /** Clock in epoch ms (default Date.now). Tests pass a fake one to expire things without waiting. */
  now?: () => number;
  /** Called once per finished request (method, path without query, status, ms): never sees secrets. */
  onRequest?: (entry: RequestLogEntry) => void;
};

export type RequestLogEntry = {
  method: string;
  path: string;
  status: number;
  ms: number;
  operation?: string;
};

export type IssuedToken = {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
  /** The client the token belongs to, so a test can refresh it through CreateToken. */
  clientId: string;
  clientSecret: string;
};

export type PendingDeviceCode = { userCode: string; verificationUriComplete: string; clientName: string };
export type IssuedRoleCredentials = { accessKeyId: string; accountId: string; roleName: string };

export type EmulatorControl = {
  approveDevice(userCode: string): void;
  denyDevice(userCode: string): void;
  pendingDeviceCodes(): PendingDeviceCode[];
  /** The next `count` device-grant polls (any code) answer slow_down, however slowly they come. */
  slowDown(count: number): void;
  setAuthorizeMode(mode: AuthorizeMode): void;
  issueToken(opts?: { refreshable?: boolean }): IssuedToken;
  revokeToken(accessToken: string): void;
  revokeAll(): void;
  expireAccessTokens(): void;
  endSessions(): void;
  /** Identity Center's session duration in seconds: new and running sessions end that long after sign-in. */
  setSessionLength(seconds: number): void;
  sessionLength(): number;
  expireRegistrations(): void;
  calls(): Record<string, number>;
  resetCalls(): void;
  setFaults(f: FaultOptions): void;
  setLatency(ms: Latency): void;
  setThrottle(t: ThrottleSpec): void;
  org(): OrgSpec;
  setOrg(org: OrgSpec): void;
  issuedRoleCredentials(): IssuedRoleCredentials[];
};

export type RunningEmulator = {
  url: string;
  env: { AWS_ENDPOINT_URL_SSO_OIDC: string; AWS_ENDPOINT_URL_SSO: string };
  control: EmulatorControl;
  close(): Promise<void>;
};

/** Thrown for bad emulator options or control input; the message says what to fix. */
export class EmulatorError extends Error {
  override name = 'EmulatorError';
}
