import { LanyardError } from '../../app/errors';

export type RateLimiterOptions = {
  /** Ceiling and starting rate, requests per second. Identity Center's portal allows about 20. */
  ratePerSecond?: number;
  /**
   * Tokens the bucket holds at most. Small (4) so requests stay evenly spaced and the server's bucket
   * never drains, yet the calls that queue behind the first ListAccounts page leave together.
   */
  burst?: number;
  /** Floor the rate never drops under when throttled. */
  minRatePerSecond?: number;
  /** Multiplicative decrease on throttling. */
  decreaseFactor?: number;
  /** Rate regained per second of successes (additive increase). */
  increasePerSecond?: number;
  now?: () => number;
};

/**
 * Where a waiter stands in the queue, lower first, equal ranks in arrival order: `true` is rank 0
 * (pagination that unblocks more work, a person waiting), `false` is `ORDINARY_RANK`. A function is
 * asked each time a token is handed out, so a caller can move its waiters while they wait.
 */
export type Priority = boolean | (() => number);

export const ORDINARY_RANK = 3;

const rankOf = (p: Priority): number => (typeof p === 'function' ? p() : p ? 0 : ORDINARY_RANK);

type Waiter = {
  resolve: () => void;
  reject: (e: unknown) => void;
  priority: Priority;
  cleanup: () => void;
};

/**
 * One token bucket shared by every portal call of a listing, whose rate adapts AIMD-style: cut on
 * 429, regained slowly on success, never above the configured ceiling.
 *
 * Hand-written because no well-kept npm library does this: `limiter` and `bottleneck` have fixed
 * rates (bottleneck is also unmaintained since 2019), `p-queue` counts per interval without
 * adapting, and the SDK's own adaptive `DefaultRateLimiter` (@smithy/util-retry) has no ceiling
 * (it only starts limiting after the first throttle), so it would burst past 20/s and get 429s first.
 */
export class AdaptiveRateLimiter {
  readonly maxRate: number;
  private rate: number;
  private readonly burst: number;
  private readonly minRate: number;
  private readonly decrease: number;
  private readonly increase: number;
  private readonly now: () => number;
  private tokens: number;
  private last: number;
  private lastCut = -Infinity;
  private queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private throttles = 0;

  constructor(opts: RateLimiterOptions = {}) {
    this.maxRate = opts.ratePerSecond ?? 20;
    if (!(this.maxRate > 0))
      throw new LanyardError('BAD_INPUT', 'The request rate must be above 0 per second.');
    this.rate = this.maxRate;
    this.burst = Math.max(1, opts.burst ?? 4);
    this.minRate = Math.min(this.maxRate, opts.minRatePerSecond ?? 1);
    this.decrease = opts.decreaseFactor ?? 0.7;
    this.increase = opts.increasePerSecond ?? 1;
    this.now = opts.now ?? (() => performance.now());
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** The current allowed rate, requests per second. */
  get currentRate(): number {
    return this.rate;
  }

  /** True while the rate is below its ceiling after throttling. */
  get throttled(): boolean {
    return this.rate < this.maxRate;
  }

  /** How many 429s cut the rate (several 429s from requests already in flight count once). */
  get throttleEvents(): number {
    return this.throttles;
  }

  /** Waits for a token; see `Priority` for who goes first. */
  acquire(signal?: AbortSignal, priority: Priority = false): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled());
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.queue = this.queue.filter((w) => w !== waiter);
        reject(cancelled());
      };
      const waiter: Waiter = {
        resolve,
        reject,
        priority,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.schedule();
    });
  }

  /** A request was throttled: cut the rate, once per second at most (one congestion event). */
  onThrottled(): void {
    const t = this.now();
    if (t - this.lastCut < 1000) return;
    this.lastCut = t;
    this.throttles += 1;
    this.rate = Math.max(this.minRate, this.rate * this.decrease);
    this.tokens = Math.min(this.tokens, 0);
  }

  /** A request succeeded: win back rate, about `increasePerSecond` per second at full flow. */
  onSuccess(): void {
    if (this.rate >= this.maxRate) return;
    this.rate = Math.min(this.maxRate, this.rate + this.increase / this.rate);
  }

  /**
   * The first waiter of the lowest rank. A scan, not a heap: ranks change while waiting, and at 20
   * grants a second even 5,000 waiters cost well under a millisecond per grant.
   */
  private takeNext(): Waiter {
    let best = 0;
    let bestRank = rankOf(this.queue[0]!.priority);
    for (let i = 1; i < this.queue.length && bestRank > 0; i++) {
      const r = rankOf(this.queue[i]!.priority);
      if (r < bestRank) {
        best = i;
        bestRank = r;
      }
    }
    return this.queue.splice(best, 1)[0]!;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.queue.length === 0) return;
    const wait = Math.max(0, ((1 - this.tokens) / this.rate) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.queue.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        const w = this.takeNext();
        w.cleanup();
        w.resolve();
      }
      this.schedule();
    }, wait);
  }
}

function cancelled(): LanyardError {
  return new LanyardError('CANCELLED', 'Cancelled.');
}
