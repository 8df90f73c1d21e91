/**
 * The status controller: reads sign-in state from the token files, renews tokens silently when
 * they enter their renewal window, and keeps the expiry notices planned.
 */
import { endOfUse, type SessionEnd } from '../../app/schedule/expiry';
import { refreshRetryMs, refreshWindowMs } from '../auth/refresh';
import { createLogger } from '../log/logger';
import { createExpiryNotifier } from '../notify/expiry-notifier';
import type { SessionStatus } from '../../app/domain/session';
import { renewingEnds, silentRefreshDue } from './session-end-timers';
import type { Clock, Notifier, TimerHandle } from '../platform/types';
import type { DesktopServices } from './services';
import type { CoreState } from './state';

const log = createLogger('desktop.status');

export type StatusController = {
  /** Re-reads sign-in state (and renews near-expiry tokens when `renew`). */
  refresh(renew?: boolean): Promise<void>;
  /** Settings changed: the notices' lead time may have. */
  settingsChanged(): void;
  /** The machine woke up or the clock jumped. */
  replan(): void;
  dispose(): void;
};

export type StatusControllerDeps = {
  state: Pick<CoreState, 'statuses' | 'changed'>;
  auth: Pick<DesktopServices['auth'], 'status'>;
  clock: Clock;
  notifier: Notifier;
  leadMinutes(): number[];
  /** A notice's button: sign in again, or start a fresh session. */
  onNoticeAction(session: string, fresh: boolean): void;
  trackOnline<T>(p: Promise<T>): Promise<T>;
  /** Each fresh read (the session-length offer looks for an observed length). */
  onStatuses?(statuses: readonly SessionStatus[]): void;
};

export function createStatusController(deps: StatusControllerDeps): StatusController {
  const { state, clock } = deps;
  const expiredSince = new Map<string, number>();
  let refreshTimer: TimerHandle | undefined;
  let disposed = false;

  async function refresh(renew = false): Promise<void> {
    const run = deps.auth.status({ refresh: renew });
    state.statuses = await (renew ? deps.trackOnline(run) : run);
    state.changed();
    notices.update();
    deps.onStatuses?.(state.statuses);
    armSilentRefresh();
  }

  /** Wakes up when the next refreshable token enters its renewal window, so it renews silently. */
  function armSilentRefresh(): void {
    if (disposed) return;
    if (refreshTimer !== undefined) clock.clearTimeout(refreshTimer);
    refreshTimer = undefined;
    const now = clock.now();
    let next: number | undefined;
    for (const s of state.statuses) {
      const due = silentRefreshDue(s, now, refreshWindowMs, refreshRetryMs);
      if (due !== undefined && (next === undefined || due < next)) next = due;
    }
    if (next === undefined) return;
    refreshTimer = clock.setTimeout(() => {
      refreshTimer = undefined;
      refresh(true).catch((e: unknown) => {
        log.warn('silent refresh failed', { error: e instanceof Error ? e : String(e) });
        armSilentRefresh();
      });
    }, next - now);
  }

  const notices = createExpiryNotifier({
    clock,
    notifier: deps.notifier,
    ends: () =>
      state.statuses.flatMap((s): SessionEnd[] => {
        const name = s.session.name;
        let endsAt = renewingEnds(s, clock.now()) ? endOfUse(s) : undefined;
        // Refused before its recorded end (session ended early, revoked): it ended when first seen so,
        // a moment that stays put so the "signed out" notice is shown once.
        if (s.state === 'expired') {
          if (!expiredSince.has(name)) expiredSince.set(name, clock.now());
          endsAt = Math.min(endsAt ?? Infinity, expiredSince.get(name)!);
        } else expiredSince.delete(name);
        return endsAt === undefined ? [] : [{ session: name, endsAt }];
      }),
    leadMinutes: () => deps.leadMinutes(),
    onAction: (session, action) => deps.onNoticeAction(session, action === 'startFresh'),
  });

  return {
    refresh,
    settingsChanged: () => notices.update(),
    replan() {
      notices.replan();
      void refresh(true).catch(() => undefined);
    },
    dispose() {
      disposed = true;
      if (refreshTimer !== undefined) clock.clearTimeout(refreshTimer);
      notices.dispose();
    },
  };
}
