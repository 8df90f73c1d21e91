/** What the plan worker does with one request: app/config/plan-profiles.ts, its error as data. */
import { planProfilesText } from '../../app/config/plan-profiles';
import { isLanyardError } from '../../app/errors';
import type { ErrorData, PlanReply, PlanRequest } from './plan-messages';

export function answerPlan(req: PlanRequest): PlanReply {
  try {
    return { id: req.id, ok: true, plan: planProfilesText(req.before, req.input, req.fileName) };
  } catch (e) {
    return { id: req.id, ok: false, error: errorData(e) };
  }
}

function errorData(e: unknown): ErrorData {
  if (isLanyardError(e)) {
    return { lanyard: true, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  }
  if (e instanceof Error) return { lanyard: false, name: e.name, message: e.message, stack: e.stack };
  return { lanyard: false, name: 'Error', message: String(e) };
}
