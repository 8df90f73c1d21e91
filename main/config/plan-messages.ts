/** What main and the plan worker (main/config/plan-worker.ts) say to each other. */
import type { PlannedText, PlanProfilesInput } from '../../app/config/plan-profiles';
import { errorCodes, LanyardError } from '../../app/errors';

export type PlanRequest = { id: number; before: string; input: PlanProfilesInput; fileName: string };

/** An error crosses the thread as data: a LanyardError keeps its code, anything else stays a bug. */
export type ErrorData =
  | { lanyard: true; code: LanyardError['code']; message: string; details?: LanyardError['details'] }
  | { lanyard: false; name: string; message: string; stack?: string };

export type PlanReply =
  { id: number; ok: true; plan: PlannedText } | { id: number; ok: false; error: ErrorData };

/** The error as the in-process plan would have thrown it, so callers (and the renderer) see no difference. */
export function errorFrom(data: ErrorData): Error {
  if (data.lanyard && errorCodes.includes(data.code))
    return new LanyardError(data.code, data.message, data.details);
  const e = new Error(data.message);
  if (!data.lanyard) {
    e.name = data.name;
    if (data.stack) e.stack = data.stack;
  }
  return e;
}

export function isPlanReply(m: unknown): m is PlanReply {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    typeof r.id === 'number' && (r.ok === true ? typeof r.plan === 'object' : typeof r.error === 'object')
  );
}
