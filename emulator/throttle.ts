import type { ThrottleSpec } from './types';

/** One token bucket shared by the portal APIs, like the per-user quota of the real portal. */
export class TokenBucket {
  private tokens = 0;
  private last = 0;
  private spec: ThrottleSpec = false;

  constructor(
    private readonly now: () => number,
    spec: ThrottleSpec,
  ) {
    this.set(spec);
  }

  set(spec: ThrottleSpec): void {
    this.spec = spec;
    this.tokens = spec ? (spec.burst ?? spec.ratePerSecond) : 0;
    this.last = this.now();
  }

  /** Takes one token; false means answer 429. */
  take(): boolean {
    if (!this.spec) return true;
    const now = this.now();
    const burst = this.spec.burst ?? this.spec.ratePerSecond;
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * this.spec.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
