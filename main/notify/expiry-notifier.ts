/**
 * Runs the pure expiry plan (app/schedule/expiry) on an injectable clock and shows notifications
 * through the platform notifier. One timer at a time, armed for the next due notice; `replan()`
 * re-reads the clock, which the shell calls on powerMonitor 'resume' because timers do not fire
 * during sleep and wall-clock jumps do not move them.
 */
import {
  dueNotices,
  nextDueAt,
  noticeText,
  planNotices,
  type ExpiryNotice,
  type SessionEnd,
} from '../../app/schedule/expiry';
import { createLogger } from '../log/logger';
import type { Clock, Notifier, TimerHandle } from '../platform/types';

const log = createLogger('notify');

export type ExpiryNotifierOptions = {
  clock: Clock;
  notifier: Notifier;
  /** Sessions with a known end of use; read on every plan. */
  ends(): SessionEnd[];
  leadMinutes(): number[];
  onAction(session: string, action: 'signIn' | 'startFresh'): void;
};

export type ExpiryNotifier = {
  /** Sessions or settings changed: plan again from the current state. */
  update(): void;
  /** The machine woke up or the clock jumped: show what fell due, re-arm. */
  replan(): void;
  dispose(): void;
};

/** setTimeout cannot wait more than ~24.8 days; wake up and re-plan instead of overflowing. */
const MAX_WAIT_MS = 24 * 3_600_000;

export function createExpiryNotifier(opts: ExpiryNotifierOptions): ExpiryNotifier {
  const shown = new Set<string>();
  let timer: TimerHandle | undefined;
  let disposed = false;

  const show = (n: ExpiryNotice, now: number) => {
    const text = noticeText(n, now);
    log.info('expiry notice', { session: n.session, leadMinutes: n.leadMinutes });
    opts.notifier.show({ id: n.id, title: text.title, body: text.body, actionLabel: text.actionLabel }, () =>
      opts.onAction(n.session, text.action),
    );
  };

  const plan = () => {
    if (disposed) return;
    if (timer !== undefined) opts.clock.clearTimeout(timer);
    timer = undefined;
    const now = opts.clock.now();
    const all = planNotices(opts.ends(), opts.leadMinutes());
    // Forget keys of ends that no longer exist (signed out, signed in afresh) so the set stays small.
    const live = new Set(all.map((n) => n.key));
    for (const k of shown) if (!live.has(k)) shown.delete(k);
    const { show: due, consumed } = dueNotices(all, now, shown);
    for (const k of consumed) shown.add(k);
    for (const n of due) show(n, now);
    const next = nextDueAt(all, now, shown);
    if (next !== undefined) timer = opts.clock.setTimeout(plan, Math.min(next - now, MAX_WAIT_MS));
  };

  return {
    update: plan,
    replan: plan,
    dispose() {
      disposed = true;
      if (timer !== undefined) opts.clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
