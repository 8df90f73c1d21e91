import type { SSOClient } from '@aws-sdk/client-sso';
import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import type { TokenSource } from '../auth/token-source';
import type { EndpointOverrides } from '../aws/endpoints';
import type { HttpOptions } from '../aws/http';
import { createPortalClient } from '../aws/clients';
import { AdaptiveRateLimiter, type Priority, type RateLimiterOptions } from './rate-limiter';
import { classify, withRetry, type RetryStats } from './retry';

/**
 * Everything that calls the portal shares this: one rate limiter (the quota is per person, not per
 * feature), one SDK client per region, and the token source. Listing, credentials and the console
 * all take it, so a credentials fetch in the middle of a listing waits its turn instead of adding 429s.
 */
export type Portal = {
  tokenSource: TokenSource;
  limiter: AdaptiveRateLimiter;
  /** SDK portal client for the session's region, with maxAttempts 1 (retries happen under the limiter). */
  client(session: SsoSession): Promise<SSOClient>;
  /** Longest wait for one answer; a hung request is abandoned and retried. */
  attemptTimeoutMs: number;
};

export type PortalOptions = {
  tokenSource: TokenSource;
  env?: Record<string, string | undefined>;
  endpoints?: EndpointOverrides;
  http?: HttpOptions;
  rate?: RateLimiterOptions;
};

export function createPortal(opts: PortalOptions): Portal {
  const clients = new Map<string, Promise<SSOClient>>();
  const limiter = new AdaptiveRateLimiter(opts.rate);
  return {
    tokenSource: opts.tokenSource,
    limiter,
    attemptTimeoutMs: opts.http?.requestTimeoutMs ?? 10_000,
    client(session) {
      let c = clients.get(session.region);
      if (!c) {
        c = createPortalClient({
          region: session.region,
          env: opts.env,
          endpoints: opts.endpoints,
          http: { requestTimeoutMs: 10_000, ...opts.http },
          maxAttempts: 1,
        });
        clients.set(session.region, c);
      }
      return c;
    },
  };
}

/**
 * Holds the session's bearer token for a batch of calls. On a 401 it asks the token source for one
 * refresh (shared by every caller that saw the same rejected token); a second rejection of a
 * refreshed token ends the batch, since refreshing again would loop.
 */
export class BearerHolder {
  private token: Promise<string> | undefined;
  private value: string | undefined;
  private pending: { rejected: string; token: Promise<string> } | undefined;
  private refreshes = 0;

  constructor(
    private readonly tokenSource: TokenSource,
    private readonly sessionName: string,
    private readonly maxRefreshes = 1,
  ) {}

  get(): Promise<string> {
    this.token ??= this.tokenSource.getAccessToken(this.sessionName).then((t) => (this.value = t));
    return this.token;
  }

  /** The portal rejected `rejected`: returns a token to retry with, or throws SESSION_EXPIRED. */
  rejected(rejected: string): Promise<string> {
    // Decided synchronously so concurrent callers holding the same rejected token share one refresh.
    if (this.pending?.rejected === rejected) return this.pending.token;
    if (this.value !== undefined && this.value !== rejected) return Promise.resolve(this.value);
    if (this.refreshes >= this.maxRefreshes)
      return Promise.reject(
        new LanyardError('SESSION_EXPIRED', `The session "${this.sessionName}" has expired: sign in again.`),
      );
    this.refreshes += 1;
    const token = this.tokenSource
      .refreshAfterRejection(this.sessionName, rejected)
      .then((t) => (this.value = t));
    this.pending = { rejected, token };
    this.token = token;
    return token;
  }
}

export type CallOptions = {
  what: string;
  signal?: AbortSignal;
  priority?: Priority;
  stats?: RetryStats;
};

/**
 * One portal call: paced and retried under the shared limiter, with one token refresh on 401.
 * `call` gets an abort signal per attempt: the SDK's request timeout only logs a warning unless the
 * handler is built with throwOnRequestTimeout, so hung requests are abandoned here.
 */
export async function portalCall<T>(
  portal: Portal,
  bearer: BearerHolder,
  call: (token: string, signal: AbortSignal) => Promise<T>,
  opts: CallOptions,
): Promise<T> {
  let token = await bearer.get();
  const attempt = () => {
    const timeout = AbortSignal.timeout(portal.attemptTimeoutMs);
    return call(token, opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout);
  };
  for (;;) {
    try {
      return await withRetry(attempt, { limiter: portal.limiter, ...opts }, opts.stats);
    } catch (e) {
      if (classify(e) !== 'unauthorized') throw e;
      token = await bearer.rejected(token);
    }
  }
}
