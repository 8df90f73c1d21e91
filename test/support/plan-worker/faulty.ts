/**
 * The real plan worker with a fault in front: a request for a session named "exit" ends the thread
 * (code 3), one named "throw" throws outside the worker's own handler (an uncaught error). Any
 * other request reaches main/config/plan-worker.ts unchanged.
 */
import { parentPort } from 'node:worker_threads';
import type { PlanRequest } from '../../../main/config/plan-messages';

parentPort?.on('message', (req: PlanRequest) => {
  if (req.input.session.name === 'exit') process.exit(3);
  if (req.input.session.name === 'throw') throw new Error('a bug outside the plan');
});
// Registered second, so the fault above runs first.
void import('../../../main/config/plan-worker');
