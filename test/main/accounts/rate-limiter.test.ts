import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AdaptiveRateLimiter } from '../../../main/accounts/rate-limiter';
import { classify, MalformedResponse, withRetry } from '../../../main/accounts/retry';
import { LanyardError } from '../../../app/errors';

// Fake timers make the counts deterministic: these assert how many tokens a second holds, not speed.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function newLimiter(opts: ConstructorParameters<typeof AdaptiveRateLimiter>[0] = {}) {
  return new AdaptiveRateLimiter({ now: () => Date.now(), ...opts });
}

async function grantedWithin(limiter: AdaptiveRateLimiter, ms: number, asked: number): Promise<number> {
  let granted = 0;
  for (let i = 0; i < asked; i++) void limiter.acquire().then(() => (granted += 1));
  await vi.advanceTimersByTimeAsync(ms);
  return granted;
}

describe('AdaptiveRateLimiter', () => {
  test('grants the burst at once, then ratePerSecond per second', async () => {
    expect(await grantedWithin(newLimiter({ ratePerSecond: 20, burst: 1 }), 0, 100)).toBe(1);
    // 5 at once, then 20 in the following second.
    expect(await grantedWithin(newLimiter({ ratePerSecond: 20, burst: 5 }), 1000, 100)).toBe(25);
  });

  test('a throttle cuts the rate once per congestion event and successes win it back', () => {
    const limiter = newLimiter({ ratePerSecond: 20, decreaseFactor: 0.5 });
    limiter.onThrottled();
    limiter.onThrottled(); // same second: same event
    expect(limiter.currentRate).toBe(10);
    expect(limiter.throttled).toBe(true);
    expect(limiter.throttleEvents).toBe(1);
    vi.advanceTimersByTime(1000);
    limiter.onThrottled();
    expect(limiter.currentRate).toBe(5);
    for (let i = 0; i < 1000; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBe(20);
    expect(limiter.throttled).toBe(false);
  });

  test('never drops under the floor', () => {
    const limiter = newLimiter({ ratePerSecond: 20, minRatePerSecond: 2 });
    for (let i = 0; i < 50; i++) {
      limiter.onThrottled();
      vi.advanceTimersByTime(1000);
    }
    expect(limiter.currentRate).toBe(2);
  });

  test('priority waiters are served first', async () => {
    const limiter = newLimiter({ ratePerSecond: 10, burst: 1 });
    await limiter.acquire();
    const order: string[] = [];
    void limiter.acquire().then(() => order.push('normal'));
    void limiter.acquire(undefined, true).then(() => order.push('priority'));
    await vi.advanceTimersByTimeAsync(250);
    expect(order).toEqual(['priority', 'normal']);
  });

  test('a rank asked at grant time: waiters move up while they wait, the rate stays', async () => {
    const limiter = newLimiter({ ratePerSecond: 10, burst: 1 });
    await limiter.acquire();
    const order: string[] = [];
    const ranks: Record<string, number> = { a: 3, b: 3, c: 3 };
    for (const k of ['a', 'b', 'c'])
      void limiter.acquire(undefined, () => ranks[k]!).then(() => order.push(k));
    void limiter.acquire().then(() => order.push('ordinary'));
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual(['a']);
    ranks.c = 2;
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual(['a', 'c']);
    // Equal ranks keep their arrival order; an ordinary call ranks with the rest.
    await vi.advanceTimersByTimeAsync(200);
    expect(order).toEqual(['a', 'c', 'b', 'ordinary']);
  });

  test('an aborted wait rejects with CANCELLED and frees its place', async () => {
    const limiter = newLimiter({ ratePerSecond: 1, burst: 1 });
    await limiter.acquire();
    const ac = new AbortController();
    const waiting = limiter.acquire(ac.signal);
    ac.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await grantedWithin(limiter, 1000, 1)).toBe(1);
  });

  test('rejects a zero rate', () => {
    expect(() => newLimiter({ ratePerSecond: 0 })).toThrow(LanyardError);
  });
});

describe('retry', () => {
  const err = (status: number, name: string) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

  test('classifies portal failures', () => {
    expect(classify(err(429, 'TooManyRequestsException'))).toBe('throttled');
    expect(classify(err(503, 'ServiceUnavailable'))).toBe('transient');
    expect(classify(err(401, 'UnauthorizedException'))).toBe('unauthorized');
    expect(classify(err(403, 'ForbiddenException'))).toBe('forbidden');
    expect(classify(err(400, 'InvalidRequestException'))).toBe('fatal');
    expect(classify(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe('transient');
    expect(classify(new MalformedResponse('no accountList'))).toBe('transient');
    expect(classify(new LanyardError('CANCELLED', 'x'))).toBe('fatal');
  });

  test('retries transient failures, slows down on 429, and returns the result', async () => {
    const limiter = newLimiter({ ratePerSecond: 20 });
    const failures = [err(429, 'TooManyRequestsException'), err(500, 'InternalServerError')];
    let calls = 0;
    const stats = { retries: 0 };
    const p = withRetry(
      () => {
        calls += 1;
        const f = failures.shift();
        return f ? Promise.reject(f) : Promise.resolve('ok');
      },
      { limiter, what: 'test' },
      stats,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await p).toBe('ok');
    expect(calls).toBe(3);
    expect(stats.retries).toBe(2);
    expect(limiter.throttleEvents).toBe(1);
  });

  test('gives up after maxAttempts with a clear code', async () => {
    const limiter = newLimiter({ ratePerSecond: 20 });
    const p = withRetry(() => Promise.reject(err(502, 'BadGateway')), { limiter, what: 'x', maxAttempts: 3 });
    const seen = expect(p).rejects.toMatchObject({ code: 'SERVICE' });
    await vi.advanceTimersByTimeAsync(60_000);
    await seen;
  });

  test('rethrows unauthorized at once', async () => {
    const limiter = newLimiter();
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(err(401, 'UnauthorizedException'));
        },
        { limiter, what: 'x' },
      ),
    ).rejects.toMatchObject({ name: 'UnauthorizedException' });
    expect(calls).toBe(1);
  });
});
