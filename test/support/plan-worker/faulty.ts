/**
 * The plan worker with a fault in front: a request for a session named "exit" ends the thread
 * (code 3), one named "throw" throws out of the message handler (an uncaught error). Any other
 * request is answered as main/config/plan-worker.ts answers it.
 */
import { parentPort } from 'node:worker_threads';
import { answerPlan } from '../../../main/config/plan-answer';
import type { PlanRequest } from '../../../main/config/plan-messages';

const port = parentPort!;
port.on('message', (req: PlanRequest) => {
  if (req.input.session.name === 'exit') process.exit(3);
  if (req.input.session.name === 'throw') throw new Error('a bug outside the plan');
  port.postMessage(answerPlan(req));
});
