/**
 * A stand-in for the preload's `window.lanyard`, for visual checks and renderer benchmarks only.
 * Bundled on the fly (test/support/browser.ts) and injected with Playwright's addInitScript; nothing
 * in the production bundle imports it. Calls are recorded in `window.__lanyardCalls`.
 */
import type { RoleEntry } from '../../../app/domain/accounts';
import type {
  AppSnapshot,
  CommandName,
  CommandRequest,
  EventName,
  Events,
  IpcResult,
  LanyardBridge,
  SessionView,
} from '../../../app/ipc/contract';
import type { Settings } from '../../../app/settings/schema';
import type {} from '../../../renderer/window';
import { sortRoles } from '../../../app/domain/role-order';
import { fakeRoles } from './fake-data';

export type Scenario =
  | 'signed-in'
  | 'no-sessions'
  | 'signed-out'
  | 'expired'
  | 'device'
  | 'listing'
  | 'troubled'
  | 'empty-org'
  | 'profiles'
  | 'roles-error'
  | 'two-sessions';

export type FakeOptions = { scenario: Scenario; roles?: number; now?: number };

const settings: Settings = {
  sessionDefaults: {},
  envFormat: 'posix',
  favorites: [],
  recents: [],
  notifyLeadMinutes: [30, 5],
  profileTemplate: '{role}-{account_id}',
  consoleMode: 'federation',
  consoleLogoutFirst: true,
  clipboardClearSeconds: 30,
  launchAtLogin: false,
  signInFlow: 'pkce',
};

function session(name: string, over: Partial<SessionView> = {}): SessionView {
  return {
    session: {
      name,
      kind: 'sso-session',
      startUrl: `https://d-90670ca1e${name.length}.awsapps.com/start`,
      region: 'eu-west-1',
      scopes: ['sso:account:access'],
    },
    state: 'signed-in',
    refreshable: true,
    signingIn: false,
    ...over,
  };
}

declare global {
  interface Window {
    __lanyardCalls: { command: string; request: unknown }[];
    __lanyardEmit: <E extends EventName>(event: E, payload: Events[E]) => void;
  }
}

export function installFakeBridge(opts: FakeOptions): void {
  const now = opts.now ?? Date.now();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  const roles: RoleEntry[] = fakeRoles(opts.roles ?? 400, 'acme');
  // A second instance (a client's, a gov partition) with an organisation of its own.
  const govRoles: RoleEntry[] = fakeRoles(Math.ceil((opts.roles ?? 400) / 4), 'acme-gov', 11);
  const key = (r: RoleEntry) => `${r.sessionName}/${r.accountId}/${r.roleName}`;
  let listed: RoleEntry[] = roles;

  const s = opts.scenario;
  const acme = session('acme', {
    expiresAt: iso(47 * 60_000),
    usableUntil: iso(7 * 3_600_000 + 12 * 60_000),
    rolesFetchedAt: iso(-4 * 60_000),
  });
  let snapshot: AppSnapshot = {
    sessions: [acme, session('acme-gov', { state: 'signed-out', refreshable: false })],
    settings: {
      ...settings,
      favorites: [key(roles[3]!), key(roles[17]!)],
      recents: [key(roles[40]!), key(roles[9]!), key(roles[3]!)],
    },
    online: true,
    warnings: [],
  };
  if (s === 'no-sessions') snapshot = { ...snapshot, sessions: [] };
  if (s === 'signed-out') snapshot.sessions = [session('acme', { state: 'signed-out', refreshable: false })];
  if (s === 'expired') {
    snapshot.sessions = [
      session('acme', {
        state: 'expired',
        refreshable: false,
        reason: 'Your Identity Center session ended at 17:02 (8 hours after sign-in).',
      }),
    ];
  }
  if (s === 'device')
    snapshot.sessions = [session('acme', { state: 'signed-out', signingIn: true, refreshable: false })];
  if (s === 'listing') {
    listed = [];
    snapshot.sessions = [
      session('acme', {
        expiresAt: iso(3_600_000),
        listing: {
          sessionName: 'acme',
          phase: 'roles',
          accountsDone: 37,
          accountsTotal: 112,
          throttled: false,
        },
      }),
    ];
  }
  if (s === 'troubled') {
    snapshot.online = false;
    snapshot.warnings = ['~/.aws/config line 41: [profile dev] has sso_session = old, which is not defined.'];
    snapshot.sessions = [
      session('acme', {
        expiresAt: iso(9 * 60_000 + 30_000),
        refreshable: false,
        rolesFetchedAt: iso(-3 * 3_600_000),
        listing: {
          sessionName: 'acme',
          phase: 'roles',
          accountsDone: 80,
          accountsTotal: 112,
          throttled: true,
        },
        listingError: { code: 'NETWORK', message: 'Could not reach portal.sso.eu-west-1.amazonaws.com.' },
      }),
    ];
  }
  if (s === 'two-sessions') {
    snapshot.sessions = [
      acme,
      session('acme-gov', {
        expiresAt: iso(40 * 60_000),
        usableUntil: iso(2 * 3_600_000 + 5 * 60_000),
        rolesFetchedAt: iso(-60_000),
      }),
      session('client', {
        state: 'expired',
        refreshable: false,
        reason:
          'Identity Center refused the sign-in and renewing failed: Identity Center no longer accepts this sign-in: invalid_grant; sign in again.',
      }),
    ];
    snapshot.settings = {
      ...snapshot.settings,
      favorites: [...snapshot.settings.favorites, key(govRoles[2]!)],
      recents: [key(govRoles[5]!), ...snapshot.settings.recents],
    };
  }
  if (s === 'empty-org') {
    listed = [];
    snapshot.sessions = [session('acme', { expiresAt: iso(3_600_000), rolesFetchedAt: iso(-10_000) })];
  }

  // Sorted as main sends them (the role cache and the lister sort), once, before the page runs.
  const sortedListed = sortRoles([...listed]);
  const sortedGov = sortRoles([...govRoles]);

  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  window.__lanyardCalls = [];
  window.__lanyardEmit = emit;

  // Sent after the renderer asked for state, as main does once the window has subscribed.
  const sendDevicePrompt = () =>
    setTimeout(
      () =>
        emit('signIn.prompt', {
          session: 'acme',
          kind: 'device',
          userCode: 'WDJB-MJHT',
          verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
          expiresAt: iso(9 * 60_000 + 41_000),
        }),
      50,
    );

  const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
  const handlers: { [C in CommandName]?: (req: CommandRequest<C>) => Promise<IpcResult<unknown>> } = {
    'state.get': () => {
      if (s === 'device') sendDevicePrompt();
      return ok(snapshot);
    },
    'roles.get': (r) =>
      s === 'roles-error'
        ? Promise.resolve({
            ok: false,
            error: {
              code: 'SESSION_EXPIRED',
              message: 'The portal says the session has ended.',
              hint: 'Sign in again.',
            },
          })
        : ok(r.session === 'acme-gov' ? sortedGov : sortedListed),
    'roles.copyEnv': (r) =>
      ok({
        expiresAt: iso(3_600_000),
        format: r.format ?? snapshot.settings.envFormat,
        clearsInSeconds: snapshot.settings.clipboardClearSeconds,
      }),
    'roles.openConsole': () => ok(null),
    'roles.prioritize': () => ok(null),
    'favorites.toggle': (r) => {
      const k = `${r.session}/${r.accountId}/${r.roleName}`;
      const favorites = snapshot.settings.favorites.includes(k)
        ? snapshot.settings.favorites.filter((f) => f !== k)
        : [...snapshot.settings.favorites, k];
      snapshot = { ...snapshot, settings: { ...snapshot.settings, favorites } };
      return ok(snapshot.settings);
    },
    'settings.update': (patch) => {
      snapshot = { ...snapshot, settings: { ...snapshot.settings, ...patch } };
      return ok(snapshot.settings);
    },
    'profiles.plan': () =>
      ok({
        planId: '8d3c1e52-1f7e-4f39-9d1b-2f5a3c9e0b11',
        added: ['AdministratorAccess-123456789012', 'ReadOnlyAccess-123456789012'],
        updated: ['PowerUserAccess-210987654321'],
        unchanged: ['SupportUser-555555555555'],
        removed: [],
        skipped: [],
        profiles: [
          {
            name: 'AdministratorAccess-123456789012',
            change: 'add',
            accountId: '123456789012',
            accountName: 'payments-prod',
            roleName: 'AdministratorAccess',
            region: 'eu-west-1',
          },
          {
            name: 'ReadOnlyAccess-123456789012',
            change: 'add',
            accountId: '123456789012',
            accountName: 'payments-prod',
            roleName: 'ReadOnlyAccess',
            region: 'eu-west-1',
          },
          {
            name: 'PowerUserAccess-210987654321',
            change: 'update',
            accountId: '210987654321',
            accountName: 'identity-staging',
            roleName: 'PowerUserAccess',
            region: 'eu-west-1',
          },
        ],
        diff: [
          '--- ~/.aws/config',
          '+++ ~/.aws/config (after)',
          '@@ -12,3 +12,11 @@',
          ' [profile legacy]',
          ' region = eu-west-1',
          ' ',
          '+[profile AdministratorAccess-123456789012]',
          '+sso_session = acme',
          '+sso_account_id = 123456789012',
          '+sso_role_name = AdministratorAccess',
          '+',
          '+[profile ReadOnlyAccess-123456789012]',
          '+sso_session = acme',
          '+sso_account_id = 123456789012',
          '+sso_role_name = ReadOnlyAccess',
          ' [profile PowerUserAccess-210987654321]',
          '-region = us-east-1',
          '+region = eu-west-1',
        ].join('\n'),
      }),
    'profiles.apply': () => ok({ written: true, backupPath: '~/.aws/config.lanyard-2026-11-22T0456.bak' }),
    'auth.signIn': () => new Promise(() => undefined),
    'auth.cancelSignIn': () => ok(null),
    'signIn.currentPrompt': () => ok(null),
    'sessions.add': (r) => {
      snapshot = {
        ...snapshot,
        sessions: [...snapshot.sessions, session(r.name, { state: 'signed-out', refreshable: false })],
      };
      return ok(snapshot);
    },
  };

  const bridge: LanyardBridge = {
    invoke(command, request) {
      window.__lanyardCalls.push({ command, request });
      const handler = handlers[command];
      if (!handler) return Promise.resolve({ ok: true, value: snapshot }) as never;
      return handler(request) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  window.lanyard = bridge;
}
