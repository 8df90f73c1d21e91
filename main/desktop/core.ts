/**
 * The desktop app's Node-side core: everything the Electron shell wires up, runnable in plain
 * Node. The shell passes platform services (clipboard, notifier, opener, settings, clock),
 * forwards `dispatch` to ipcMain and `onEvent` to the window, and renders `trayState()`.
 */
import {
  buildTrayMenu,
  trayIconState,
  trayTooltip,
  type TrayIconState,
  type TrayMenuItem,
} from '../../app/tray/menu';
import type { TrayAction, TrayState } from '../../app/tray/state';
import { endOfUse, type SessionEnd } from '../../app/schedule/expiry';
import { isLanyardError } from '../../app/errors';
import { roleKey, type SettingsPatch } from '../../app/settings/schema';
import type { AppSnapshot, IpcResult } from '../../app/ipc/contract';
import type { EndpointOverrides } from '../aws/endpoints';
import type { SignInPrompt as AuthPrompt } from '../auth/prompts';
import { refreshRetryMs, refreshWindowMs } from '../auth/refresh';
import { createIpcDispatcher, toIpcError, type Dispatch } from '../ipc/dispatch';
import { createLogger } from '../log/logger';
import { createExpiryNotifier } from '../notify/expiry-notifier';
import { createSessionLengthOffer } from '../notify/session-length-offer';
import { sessionLengthIn } from '../settings/session-lengths';
import { renewingEnds, silentRefreshDue } from './session-end-timers';
import type { Paths } from '../paths';
import type { Platform, TimerHandle } from '../platform/types';
import { createClipboardGuard } from './clipboard-guard';
import { mergeSettings, networkTracker, withRecent, type CoreContext } from './context';
import { createHandlers } from './handlers';
import { createListings } from './listing';
import type { DesktopServices } from './services';
import { CoreState, type EventListener } from './state';
import { trayStateFrom } from './tray';
import { createDefaultServices } from './wiring';

const log = createLogger('desktop.core');

export type DesktopCoreOptions = {
  paths: Paths;
  env?: Record<string, string | undefined>;
  endpoints?: EndpointOverrides;
  platform: Platform;
  /** Which page may call dispatch; default: any (the shell passes its own check). */
  isTrustedSender?: (url: string) => boolean;
  /** Replace parts of the real services (tests). */
  services?: Partial<DesktopServices>;
};

export type DesktopCore = {
  dispatch: Dispatch;
  onEvent(listener: EventListener): () => void;
  snapshot(): AppSnapshot;
  trayState(): TrayState;
  tray(): { icon: TrayIconState; tooltip: string; menu: TrayMenuItem[] };
  /** Runs a tray click. openWindow and quit are the shell's: they come back as `{ handled: false }`. */
  runTrayAction(action: TrayAction): Promise<{ handled: boolean; result?: IpcResult<unknown> }>;
  /** Reads sessions and caches, renews tokens due for it, arms notifications. */
  start(): Promise<void>;
  /** The machine woke up (powerMonitor 'resume') or the clock jumped. */
  replan(): void;
  dispose(): Promise<void>;
};

export function createDesktopCore(opts: DesktopCoreOptions): DesktopCore {
  const { platform } = opts;
  const { clock } = platform;
  const services: DesktopServices = {
    ...createDefaultServices({
      paths: opts.paths,
      env: opts.env,
      endpoints: opts.endpoints,
      opener: platform.opener,
      sessionLength: (name) => sessionLengthIn(platform.settings.read(), name),
      now: () => clock.now(),
    }),
    ...opts.services,
  };
  const state = new CoreState(() => platform.settings.read());
  const net = networkTracker((online) => {
    state.online = online;
    state.changed();
  });
  const listings = createListings(state, services, clock, (p) => track(p));
  const unsubscribe: (() => void)[] = [];
  const signInControllers = new Map<string, AbortController>();
  const expiredSince = new Map<string, number>();
  /** Marks online/offline, and re-reads sign-in state when a call finds the sign-in gone. */
  const track = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await net.track(p);
    } catch (e) {
      if (isLanyardError(e) && (e.code === 'SESSION_EXPIRED' || e.code === 'NOT_SIGNED_IN'))
        void refreshStatus(false).catch(() => undefined);
      throw e;
    }
  };
  let refreshTimer: TimerHandle | undefined;
  let disposed = false;

  const ctx: CoreContext = {
    state,
    services,
    platform,
    clipboard: createClipboardGuard(platform.clipboard, clock),
    listings,
    plans: new Map(),
    track,
    settings: () => platform.settings.read(),
    updateSettings(patch: SettingsPatch) {
      const next = mergeSettings(platform.settings.read(), patch);
      platform.settings.write(next);
      notifier.update();
      state.changed();
      return next;
    },
    touchRecent(session, accountId, roleName) {
      platform.settings.write(withRecent(platform.settings.read(), roleKey(session, accountId, roleName)));
      state.changed();
    },
    refreshStatus,
    beginSignIn,
    cancelSignIn(session) {
      signInControllers.get(session)?.abort();
      services.auth.cancelLogin(session);
    },
  };

  async function refreshStatus(refresh = false): Promise<void> {
    const run = services.auth.status({ refresh });
    state.statuses = await (refresh ? net.track(run) : run);
    state.changed();
    notifier.update();
    lengthOffer.update(state.statuses);
    armSilentRefresh();
  }

  function beginSignIn(session: string, fresh: boolean, flow?: 'pkce' | 'device'): void {
    if (state.signingIn.has(session)) return;
    state.signingIn.add(session);
    // Our own signal, so a Cancel that arrives before the sign-in core has registered the login still counts.
    const controller = new AbortController();
    signInControllers.set(session, controller);
    state.signInErrors.delete(session);
    state.changed();
    const loginOpts = {
      flow: flow ?? platform.settings.read().signInFlow,
      openBrowser: true,
      signal: controller.signal,
      onPrompt: (p: AuthPrompt) => {
        if (p.kind === 'device') {
          const prompt = {
            session,
            kind: 'device' as const,
            userCode: p.userCode,
            verificationUri: p.verificationUri,
            expiresAt: p.expiresAt,
          };
          state.devicePrompts.set(session, { ...prompt, completeUri: p.verificationUriComplete });
          state.emit('signIn.prompt', prompt);
        } else {
          state.emit('signIn.prompt', { session, kind: 'browser', url: p.url });
        }
      },
    };
    const run = fresh
      ? services.auth.startFreshSession(session, loginOpts)
      : services.auth.login(session, loginOpts);
    void net
      .track(run)
      .then(
        async () => {
          await refreshStatus(false);
          void ctx.listings.start(session);
        },
        (e: unknown) => {
          if (isLanyardError(e) && e.code === 'CANCELLED') return;
          const { message } = toIpcError(e, 'sign-in');
          state.signInErrors.set(session, message);
        },
      )
      .finally(() => {
        state.signingIn.delete(session);
        state.devicePrompts.delete(session);
        if (signInControllers.get(session) === controller) signInControllers.delete(session);
        state.emit('signIn.prompt', { session, kind: 'done' });
        state.changed();
      });
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
      refreshStatus(true).catch((e: unknown) => {
        log.warn('silent refresh failed', { error: e instanceof Error ? e : String(e) });
        armSilentRefresh();
      });
    }, next - now);
  }

  const notifier = createExpiryNotifier({
    clock,
    notifier: platform.notifier,
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
    leadMinutes: () => platform.settings.read().notifyLeadMinutes,
    onAction: (session, action) => beginSignIn(session, action === 'startFresh'),
  });

  const lengthOffer = createSessionLengthOffer({
    notifier: platform.notifier,
    settings: () => platform.settings.read(),
    save: (next) => {
      platform.settings.write(next);
      void refreshStatus(false).catch(() => undefined);
    },
  });

  const handlers = createHandlers(ctx);
  const dispatch = createIpcDispatcher(handlers, { isTrustedSender: opts.isTrustedSender ?? (() => true) });
  /** Tray clicks come from main itself, so they skip the sender check but not validation. */
  const internal = createIpcDispatcher(handlers, { isTrustedSender: () => true });

  const trayState = () => trayStateFrom(state.snapshot(), state.roles, clock.now());

  return {
    dispatch,
    onEvent: (l) => state.on(l),
    snapshot: () => state.snapshot(),
    trayState,
    tray() {
      const t = trayState();
      return { icon: trayIconState(t), tooltip: trayTooltip(t), menu: buildTrayMenu(t) };
    },
    async runTrayAction(action) {
      let result: IpcResult<unknown>;
      switch (action.type) {
        case 'openWindow':
          if (action.focusSearch) state.emit('ui.focusSearch', null);
          return { handled: false };
        case 'quit':
          return { handled: false };
        case 'signIn':
          result = await internal('auth.signIn', { session: action.session }, 'tray:');
          break;
        case 'startFresh':
          result = await internal('auth.startFresh', { session: action.session }, 'tray:');
          break;
        case 'signOut':
          result = await internal('auth.signOut', { session: action.session }, 'tray:');
          break;
        case 'copyEnv':
          result = await internal('roles.copyEnv', { ...action.role }, 'tray:');
          break;
        case 'openConsole':
          result = await internal('roles.openConsole', { ...action.role }, 'tray:');
          break;
      }
      // A tray click has no window to show an error in: the notifier says what went wrong.
      if (!result.ok) {
        platform.notifier.show(
          { id: `tray-error:${action.type}`, title: 'Lanyard', body: result.error.message },
          () => undefined,
        );
      }
      return { handled: true, result };
    },
    async start() {
      try {
        const loaded = await services.loadSessions();
        state.configWarnings = loaded.warnings;
      } catch (e) {
        state.configWarnings = [toIpcError(e, 'load sessions').message];
      }
      try {
        await refreshStatus(true);
      } catch (e) {
        log.warn('first status read failed', { error: e instanceof Error ? e : String(e) });
        await refreshStatus(false).catch(() => undefined);
      }
      for (const s of state.statuses) await ctx.listings.cached(s.session.name).catch(() => undefined);
      unsubscribe.push(
        services.auth.onChange(() => {
          if (!disposed) void refreshStatus(false).catch(() => undefined);
        }),
      );
      state.changed();
    },
    replan() {
      notifier.replan();
      void refreshStatus(true).catch(() => undefined);
    },
    async dispose() {
      disposed = true;
      for (const u of unsubscribe) u();
      if (refreshTimer !== undefined) clock.clearTimeout(refreshTimer);
      notifier.dispose();
      ctx.listings.dispose();
      for (const c of signInControllers.values()) c.abort();
      await ctx.clipboard.dispose();
    },
  };
}
