/**
 * The desktop's profiles planner: app/config/plan-profiles.ts in a worker thread, so a 5,000-profile
 * plan (a parse, an edit and a diff of a 1.2 MB file) never stalls the tray, the menus or an IPC
 * answer. The main thread only copies the text in and the plan out.
 *
 * One worker, started on first use and kept while plans come in: a new one per request would pay
 * the thread's start-up and a cold (unoptimised) plan every time. It is let go after a quiet
 * minute, with the garbage of its last plan. A worker that crashes or exits fails the plans it
 * held; the next plan starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { PlannedText } from '../../app/config/plan-profiles';
import { createLogger } from '../log/logger';
import { errorFrom, isPlanReply, type PlanRequest } from './plan-messages';
import type { ProfilesPlanner } from './profiles';

const log = createLogger('config.plan-thread');

export type PlanThreadOptions = {
  /** The built worker entry (dist/electron/plan-worker.cjs). */
  script: string | URL;
  /** Quiet time after which the worker is stopped; the next plan starts another. */
  idleMs?: number;
};

export type PlanThread = {
  plan: ProfilesPlanner;
  /** Stops the worker; plans still running fail. */
  close(): Promise<void>;
};

type Pending = { resolve(plan: PlannedText): void; reject(e: Error): void };
type Running = { worker: Worker; pending: Map<number, Pending>; idle?: NodeJS.Timeout };

export function createPlanThread(opts: PlanThreadOptions): PlanThread {
  const idleMs = opts.idleMs ?? 60_000;
  let current: Running | undefined;
  let nextId = 1;

  /** The worker is gone: its plans fail with a bug's error (the renderer says "something went wrong"). */
  const lost = (running: Running, why: string) => {
    if (current === running) current = undefined;
    clearTimeout(running.idle);
    if (running.pending.size > 0) log.error('profiles plan worker stopped', { why });
    for (const p of running.pending.values()) p.reject(new Error(`The profiles planner stopped: ${why}`));
    running.pending.clear();
  };

  const start = (): Running => {
    const worker = new Worker(opts.script, { name: 'lanyard-profiles-plan' });
    const running: Running = { worker, pending: new Map() };
    worker.on('message', (reply: unknown) => {
      if (!isPlanReply(reply)) return;
      const p = running.pending.get(reply.id);
      if (!p) return;
      running.pending.delete(reply.id);
      if (running.pending.size === 0) quiet(running);
      if (reply.ok) p.resolve(reply.plan);
      else p.reject(errorFrom(reply.error));
    });
    worker.on('error', (e) => lost(running, e.message));
    worker.on('messageerror', (e) => lost(running, e.message));
    worker.on('exit', (code) => lost(running, `it exited (code ${code})`));
    return running;
  };

  /** Nothing in flight: the worker may not keep the process alive, and goes after a quiet while. */
  const quiet = (running: Running) => {
    running.worker.unref();
    running.idle = setTimeout(() => {
      if (current === running) current = undefined;
      void running.worker.terminate();
    }, idleMs);
    running.idle.unref();
  };

  return {
    plan(config, input, fileName) {
      const running = (current ??= start());
      clearTimeout(running.idle);
      running.worker.ref();
      const id = nextId++;
      const request: PlanRequest = { id, before: config.text, input, fileName };
      return new Promise<PlannedText>((resolve, reject) => {
        running.pending.set(id, { resolve, reject });
        try {
          running.worker.postMessage(request);
        } catch (e) {
          running.pending.delete(id);
          if (running.pending.size === 0) quiet(running);
          throw e;
        }
      });
    },
    async close() {
      const running = current;
      current = undefined;
      if (running) {
        lost(running, 'Lanyard is closing');
        await running.worker.terminate();
      }
    },
  };
}
