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
import type { AppSnapshot, IpcResult } from '../../app/ipc/contract';
import type { ClockText } from '../../app/schedule/end-text';
import type { EndpointOverrides } from '../aws/endpoints';
import { createIpcDispatcher, toIpcError, type Dispatch } from '../ipc/dispatch';
import { createLogger } from '../log/logger';
import { createSessionLengthOffer } from '../notify/session-length-offer';
import type { Paths } from '../paths';
import type { Platform } from '../platform/types';
import { createServices } from '../services';
import { createPlanThread } from '../config/plan-thread';
import { createClipboardGuard } from './clipboard-guard';
import { createHandlers } from './handlers';
import { createListings } from './listing';
import { createNetwork } from './network';
import { desktopServices, type DesktopServices } from './services';
import { createSettingsController } from './settings';
import { createSignInController, type SignInController } from './sign-in';
import { CoreState, type EventListener } from './state';
import { createStatusController } from './status';
import { trayStateFrom } from './tray';

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
  /** Clock times in the tray ("ends 17:40"); default: the system's locale and time zone. */
  clockText?: ClockText;
  /**
   * The built plan worker (dist/electron/plan-worker.cjs): profiles are planned there, off the
   * main thread. Absent: in process (tests that do not look at planning).
   */
  planWorker?: string | URL;
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
  const planThread = opts.planWorker ? createPlanThread({ script: opts.planWorker }) : undefined;
  const services: DesktopServices = {
    ...desktopServices(
      createServices({
        paths: opts.paths,
        env: opts.env,
        endpoints: opts.endpoints,
        opener: platform.opener,
        // One clock and one settings store for sign-in times, session ends and notices.
        now: () => clock.now(),
        settings: () => platform.settings.read(),
        planner: planThread?.plan,
      }),
    ),
    ...opts.services,
  };
  const unsubscribe: (() => void)[] = [];
  let disposed = false;

  // The controllers call each other only through these late-bound names.
  const signIn: SignInController = createSignInController({
    auth: services.auth,
    events: { emit: (e, p) => state.emit(e, p), changed: () => state.changed() },
    defaultFlow: () => platform.settings.read().signInFlow,
    trackOnline: (p) => network.trackOnline(p),
    async onSignedIn(session) {
      await status.refresh(false);
      void listings.start(session);
    },
  });
  const state = new CoreState(() => platform.settings.read(), signIn);
  const network = createNetwork({
    onOnlineChange(online) {
      state.online = online;
      state.changed();
    },
    onSignInGone: () => void status.refresh(false).catch(() => undefined),
  });
  const status = createStatusController({
    state,
    auth: services.auth,
    clock,
    notifier: platform.notifier,
    leadMinutes: () => platform.settings.read().notifyLeadMinutes,
    onNoticeAction: (session, fresh) => signIn.begin(session, fresh),
    trackOnline: (p) => network.trackOnline(p),
    onStatuses: (statuses) => lengthOffer.update(statuses),
  });
  const lengthOffer = createSessionLengthOffer({
    notifier: platform.notifier,
    settings: () => platform.settings.read(),
    save: (next) => {
      platform.settings.write(next);
      void status.refresh(false).catch(() => undefined);
    },
  });
  const settings = createSettingsController(platform.settings, {
    changed: () => state.changed(),
    onSettingsChange: () => status.settingsChanged(),
  });
  const listings = createListings(state, services, clock, (p) => network.track(p));
  const clipboard = createClipboardGuard(platform.clipboard, clock);

  const handlers = createHandlers({
    state,
    services,
    signIn,
    status,
    listings,
    settings,
    opener: platform.opener,
    clipboard,
    track: (p) => network.track(p),
  });
  const dispatch = createIpcDispatcher(handlers, { isTrustedSender: opts.isTrustedSender ?? (() => true) });
  /** Tray clicks come from main itself, so they skip the sender check but not validation. */
  const internal = createIpcDispatcher(handlers, { isTrustedSender: () => true });

  const trayState = () => trayStateFrom(state.snapshot(), state.roles, clock.now(), opts.clockText);

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
        await status.refresh(true);
      } catch (e) {
        log.warn('first status read failed', { error: e instanceof Error ? e : String(e) });
        await status.refresh(false).catch(() => undefined);
      }
      for (const s of state.statuses) await listings.cached(s.session.name).catch(() => undefined);
      unsubscribe.push(
        services.auth.onChange(() => {
          if (!disposed) void status.refresh(false).catch(() => undefined);
        }),
      );
      state.changed();
    },
    replan: () => status.replan(),
    async dispose() {
      disposed = true;
      for (const u of unsubscribe) u();
      status.dispose();
      listings.dispose();
      signIn.dispose();
      await clipboard.dispose();
      await planThread?.close();
    },
  };
}
