/**
 * The plan worker's entry (built to dist/electron/plan-worker.cjs): runs app/config/plan-profiles.ts
 * for the desktop off Electron's main thread. Requests are answered one at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { answerPlan } from './plan-answer';
import type { PlanRequest } from './plan-messages';

const port = parentPort;
if (!port) throw new Error('plan-worker runs in a worker thread');
port.on('message', (req: PlanRequest) => port.postMessage(answerPlan(req)));
