import { createControl } from './control';
import { Chaos } from './faults';
import { generateOrg, parseOrg } from './org';
import { parseFaults, parseLatency, parseThrottle, positiveSeconds } from './schemas';
import { createEmulatorServer, listen } from './server';
import { EmulatorState } from './state';
import { TokenBucket } from './throttle';
import {
  type EmulatorControl,
  EmulatorError,
  type EmulatorOptions,
  type OrgSpec,
  type RunningEmulator,
} from './types';

export type {
  AuthorizeMode,
  EmulatorControl,
  EmulatorOptions,
  FaultOptions,
  IssuedToken,
  Latency,
  OrgAccount,
  OrgSpec,
  RequestLogEntry,
  RunningEmulator,
  ThrottleSpec,
} from './types';
export { EmulatorError } from './types';
export { generateOrg, parseOrg } from './org';

function resolveOrg(org: EmulatorOptions['org']): OrgSpec {
  if (!org) return generateOrg(12, [1, 4], 1);
  if ('generate' in org)
    return generateOrg(org.generate.accounts, org.generate.rolesPerAccount, org.generate.seed);
  return parseOrg(org);
}

/** Starts a local IAM Identity Center (sso-oidc + portal + console federation) on one HTTP port. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = opts.now ?? Date.now;
  const pollInterval = opts.pollIntervalSeconds ?? 1;
  if (!Number.isFinite(pollInterval) || pollInterval < 0)
    throw new EmulatorError('pollIntervalSeconds must be 0 or more');
  const pageSize = opts.pageSize ?? 20;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new EmulatorError('pageSize must be an integer from 1 to 100');
  }
  const region = opts.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new EmulatorError(`region looks wrong: ${region}`);
  const state = new EmulatorState(
    now,
    region,
    {
      accessToken: positiveSeconds('accessTokenTtlSeconds', opts.accessTokenTtlSeconds, 3600),
      legacyToken: positiveSeconds('legacyTokenTtlSeconds', opts.legacyTokenTtlSeconds, 28800),
      session: positiveSeconds('sessionTtlSeconds', opts.sessionTtlSeconds, 28800),
      deviceCode: positiveSeconds('deviceCodeTtlSeconds', opts.deviceCodeTtlSeconds, 600),
      pollInterval,
      roleCredentials: positiveSeconds('roleCredentialsTtlSeconds', opts.roleCredentialsTtlSeconds, 3600),
    },
    { org: resolveOrg(opts.org), pageSize, authorizeMode: opts.autoApprove ? 'approve' : 'manual' },
  );
  const chaos = new Chaos(
    parseFaults(opts.faults ?? {}),
    parseLatency(opts.latencyMs ?? 0),
    opts.faults?.seed ?? 1,
  );
  const bucket = new TokenBucket(now, parseThrottle(opts.throttle ?? { ratePerSecond: 20, burst: 20 }));

  let url = '';
  const verificationBaseUrl = (): string => (opts.verificationBaseUrl ?? url).replace(/\/+$/, '');
  let control: EmulatorControl | undefined;
  const getControl = (): EmulatorControl =>
    (control ??= createControl(state, chaos, bucket, verificationBaseUrl));
  const { server, stop } = createEmulatorServer({
    state,
    verificationBaseUrl,
    chaos,
    bucket,
    control: getControl,
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  });
  const address = await listen(server, opts.host ?? '127.0.0.1', opts.port ?? 0);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;
  state.autoApproveDevices = opts.autoApprove ?? false;

  let closing: Promise<void> | undefined;
  return {
    url,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: url, AWS_ENDPOINT_URL_SSO: url },
    control: getControl(),
    close: () => (closing ??= stop()),
  };
}
