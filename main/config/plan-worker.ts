/**
 * The plan worker's entry (built to dist/electron/plan-worker.cjs): runs app/config/plan-profiles.ts
 * for the desktop off Electron's main thread. Requests are answered one at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { planProfilesText } from '../../app/config/plan-profiles';
import { errorData, type PlanReply, type PlanRequest } from './plan-messages';

const port = parentPort;
if (!port) throw new Error('plan-worker runs in a worker thread');

port.on('message', (req: PlanRequest) => {
  let reply: PlanReply;
  try {
    reply = { id: req.id, ok: true, plan: planProfilesText(req.before, req.input, req.fileName) };
  } catch (e) {
    reply = { id: req.id, ok: false, error: errorData(e) };
  }
  port.postMessage(reply);
});
