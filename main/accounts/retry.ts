import { LanyardError } from '../../app/errors';
import { classifySdkError } from '../../app/sdk-errors';
import { createLogger } from '../log/logger';
import type { AdaptiveRateLimiter, Priority } from './rate-limiter';

const log = createLogger('accounts.retry');

/** What to do about a failed portal call. */
export type Failure = 'throttled' | 'transient' | 'unauthorized' | 'forbidden' | 'fatal';

/**
 * No route to the portal at all (offline, DNS, VPN down) rather than a hiccup of it: retried briefly,
 * then reported as NETWORK so the person (and the app's offline banner) learns it in a second, not
 * after a minute of back-off ending in a misleading "Identity Center kept failing".
 */
const maxUnreachableAttempts = 3;

function networkError(e: unknown, what: string): LanyardError {
  return new LanyardError(
    'NETWORK',
    `cannot reach the AWS access portal (${what}): ${(e as Error).message}`,
    {
      hint: 'Check your network, VPN or proxy (HTTPS_PROXY), then try again.',
    },
  );
}

/** Malformed responses the caller found itself (a 200 whose body is not the documented shape). */
export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
}

export function classify(e: unknown): Failure {
  if (e instanceof LanyardError) return 'fatal';
  if (e instanceof MalformedResponse) return 'transient';
  // 'cancelled' here is an SDK-level abort (its own request timeout): the caller's signal is checked first.
  switch (classifySdkError(e)) {
    case 'throttled':
      return 'throttled';
    case 'unauthorized':
      return 'unauthorized';
    case 'forbidden':
      return 'forbidden';
    case 'server':
    case 'unreachable':
    case 'network':
    case 'malformed':
    case 'cancelled':
      return 'transient';
    default:
      return 'fatal';
  }
}

export type RetryOptions = {
  limiter: AdaptiveRateLimiter;
  signal?: AbortSignal;
  /** Attempts in all, including the first; high because a transient error must not reach the person. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Pagination calls jump the queue (each unblocks a page of further work); see `Priority`. */
  priority?: Priority;
  /** What the call was, for logs. */
  what: string;
  random?: () => number;
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LanyardError('CANCELLED', 'Cancelled.'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new LanyardError('CANCELLED', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export type RetryStats = { retries: number };

/**
 * Runs `call` under the shared limiter, retrying throttling, 5xx, timeouts, resets and malformed
 * answers with exponential backoff and full jitter (each wait uniform in [0, min(cap, base·2^n)]).
 * Unauthorized, forbidden and anything unknown are rethrown at once for the caller to handle.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  opts: RetryOptions,
  stats?: RetryStats,
): Promise<T> {
  const max = opts.maxAttempts ?? 12;
  const base = opts.baseDelayMs ?? 100;
  const cap = opts.maxDelayMs ?? 8000;
  const random = opts.random ?? Math.random;
  let unreachableFailures = 0;
  for (let attempt = 1; ; attempt++) {
    await opts.limiter.acquire(opts.signal, opts.priority);
    try {
      const result = await call();
      opts.limiter.onSuccess();
      return result;
    } catch (e) {
      if (opts.signal?.aborted) throw new LanyardError('CANCELLED', 'Cancelled.');
      const kind = classify(e);
      if (kind !== 'throttled' && kind !== 'transient') throw e;
      if (kind === 'throttled') opts.limiter.onThrottled();
      const unreachable = classifySdkError(e) === 'unreachable';
      if (unreachable) unreachableFailures += 1;
      if (unreachableFailures >= maxUnreachableAttempts || (attempt >= max && unreachable))
        throw networkError(e, opts.what);
      if (attempt >= max) {
        throw new LanyardError(
          kind === 'throttled' ? 'THROTTLED' : 'SERVICE',
          `Identity Center kept failing (${opts.what}, ${max} attempts): ${(e as Error).message}`,
        );
      }
      if (stats) stats.retries += 1;
      const delay = random() * Math.min(cap, base * 2 ** attempt);
      log.debug(`retrying ${opts.what} after ${kind}`, { attempt, delayMs: Math.round(delay) });
      await sleep(delay, opts.signal);
    }
  }
}
