/** RFC 8628 §3.5: never faster than once a second, +5 s on slow_down, and never past `expiresIn`. */
export const minPollIntervalMs = 1_000;
export const slowDownStepMs = 5_000;
/** What the AWS CLI assumes when the service names no interval or lifetime. */
const defaultIntervalSeconds = 5;
const defaultExpiresInSeconds = 600;

export type PollSchedule = {
  /** Epoch ms after which the code is dead, whatever the service keeps answering. */
  readonly expiresAt: number;
  slowDown(): void;
  /** How long to wait before the next poll, or undefined when the code has expired. */
  nextDelay(): number | undefined;
};

function seconds(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function pollSchedule(
  start: { interval?: number; expiresIn?: number },
  now: () => number,
): PollSchedule {
  const expiresAt = now() + seconds(start.expiresIn, defaultExpiresInSeconds) * 1000;
  let interval = Math.max(minPollIntervalMs, seconds(start.interval, defaultIntervalSeconds) * 1000);
  return {
    expiresAt,
    slowDown: () => void (interval += slowDownStepMs),
    nextDelay() {
      const left = expiresAt - now();
      if (left <= 0) return undefined;
      // One last poll right at expiry: an approval in the final second still counts.
      return Math.min(interval, left);
    },
  };
}
