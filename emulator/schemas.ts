import { z } from 'zod';
import { EmulatorError, type FaultOptions, type Latency, type ThrottleSpec } from './types';

// Options and control-API input are checked here so a typo fails loudly instead of silently doing nothing.

const rate = z.number().min(0).max(1);
const faultsSchema = z
  .object({
    serverErrorRate: rate.optional(),
    timeoutRate: rate.optional(),
    malformedRate: rate.optional(),
    throttleRate: rate.optional(),
    operations: z.array(z.string()).optional(),
    seed: z.number().int().optional(),
  })
  .strict()
  .refine(
    (f) =>
      (f.serverErrorRate ?? 0) + (f.timeoutRate ?? 0) + (f.malformedRate ?? 0) + (f.throttleRate ?? 0) <= 1,
    {
      message: 'fault rates add up to more than 1',
    },
  );

const latencySchema = z.union([
  z.number().min(0).max(600_000),
  z
    .object({ min: z.number().min(0), max: z.number().max(600_000) })
    .strict()
    .refine((l) => l.min <= l.max, { message: 'latency min is above max' }),
]);

const throttleSchema = z.union([
  z.literal(false),
  z.object({ ratePerSecond: z.number().positive(), burst: z.number().min(1).optional() }).strict(),
]);

function check<T>(schema: z.ZodType<T>, what: string, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new EmulatorError(`invalid ${what}: ${where}${issue?.message ?? 'bad shape'}`);
}

export const parseFaults = (v: unknown): FaultOptions => check(faultsSchema, 'faults', v);
export const parseLatency = (v: unknown): Latency => check(latencySchema, 'latency', v);
export const parseThrottle = (v: unknown): ThrottleSpec => check(throttleSchema, 'throttle', v);

export function positiveSeconds(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v <= 0) throw new EmulatorError(`${name} must be a positive number of seconds`);
  return v;
}

const lengthUnits: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A session length: seconds as a number, or text like "90s", "2m", "8h", "1d" (a bare number is seconds). */
export function parseSessionLength(v: unknown): number {
  let seconds = Number.NaN;
  if (typeof v === 'number') seconds = v;
  else if (typeof v === 'string') {
    const m = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(v);
    if (m) seconds = Number(m[1]) * lengthUnits[(m[2] || 's').toLowerCase()]!;
  }
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 90 * 86400)
    throw new EmulatorError(
      `session length must be 1 s to 90 d, as seconds or text like "2m", "8h", "1d" (got ${JSON.stringify(v)})`,
    );
  return seconds;
}
