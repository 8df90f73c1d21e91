import { createRng, type Rng } from './random';
import type { FaultOptions, Latency } from './types';

export type Fault = 'server-error' | 'unavailable' | 'timeout' | 'malformed' | 'throttle';

/** Seeded fault and latency dice: the same seed and call order give the same failures. */
export class Chaos {
  private faults: FaultOptions = {};
  private faultRng: Rng = createRng(0);
  private latency: Latency = 0;
  private readonly latencyRng: Rng;

  constructor(faults: FaultOptions, latency: Latency, seed: number) {
    this.latencyRng = createRng(seed ^ 0x5eed);
    this.setFaults(faults);
    this.setLatency(latency);
  }

  setFaults(f: FaultOptions): void {
    this.faults = { ...f };
    this.faultRng = createRng(f.seed ?? 1);
  }

  setLatency(l: Latency): void {
    this.latency = l;
  }

  delayMs(): number {
    const l = this.latency;
    if (typeof l === 'number') return l;
    return l.min + this.latencyRng.next() * (l.max - l.min);
  }

  roll(operation: string): Fault | undefined {
    const f = this.faults;
    if (f.operations && !f.operations.includes(operation)) return undefined;
    const server = f.serverErrorRate ?? 0;
    const timeout = f.timeoutRate ?? 0;
    const malformed = f.malformedRate ?? 0;
    const throttle = f.throttleRate ?? 0;
    if (server + timeout + malformed + throttle <= 0) return undefined;
    const r = this.faultRng.next();
    if (r < server) return this.faultRng.next() < 0.5 ? 'server-error' : 'unavailable';
    if (r < server + timeout) return 'timeout';
    if (r < server + timeout + malformed) return 'malformed';
    if (r < server + timeout + malformed + throttle) return 'throttle';
    return undefined;
  }
}
