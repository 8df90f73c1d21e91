/**
 * A test clock for the shell (main/shell/clock.ts loads it when LANYARD_TEST_CLOCK names this
 * bundle): real time plus an offset the test moves with `clock.advance`. Timers due by the moved
 * time fire at once, in order; the rest stay armed on real (unref'd) timers like systemClock's.
 */
import type { Clock, TimerHandle } from '../../../../main/platform/types';
import { onRequest } from './link';

type Entry = { due: number; fn: () => void };
let offset = 0;
const entries = new Set<Entry>();
let real: ReturnType<typeof setTimeout> | undefined;

function arm(): void {
  if (real) clearTimeout(real);
  real = undefined;
  let next: Entry | undefined;
  for (const e of entries) if (!next || e.due < next.due) next = e;
  if (!next) return;
  real = setTimeout(fire, Math.max(0, next.due - clock.now()));
  real.unref();
}

function fire(): void {
  const now = clock.now();
  const due = [...entries].filter((e) => e.due <= now).sort((a, b) => a.due - b.due);
  for (const e of due) entries.delete(e);
  for (const e of due) e.fn();
  arm();
}

export const clock: Clock = {
  now: () => Date.now() + offset,
  setTimeout(fn, ms) {
    const e: Entry = { due: clock.now() + ms, fn };
    entries.add(e);
    arm();
    return e;
  },
  clearTimeout(handle: TimerHandle) {
    entries.delete(handle as Entry);
    arm();
  },
};

onRequest('clock.advance', (r) => {
  offset += r.ms;
  fire();
  return clock.now();
});
