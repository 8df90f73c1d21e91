/**
 * The one IPC contract between Electron's main process and the renderer.
 *
 * Commands are request → response (ipcRenderer.invoke); events flow main → renderer.
 * Every request has a zod schema that main checks before a handler runs; responses cross as
 * `IpcResult` data, never as thrown objects. Secrets never cross: copying credentials and opening
 * the console happen in main, and the renderer only learns that they happened.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import type { SessionStatus } from '../domain/session';
import type { ListingProgress, RoleEntry } from '../domain/accounts';
import { regionSchema as region } from '../policy/region-schema';
import type { ProfileRow } from '../config/profile-rows';
import { envFormatSchema, settingsPatchSchema, type Settings } from '../settings/schema';
import { channelFor, commandNames, eventNames, type CommandName, type EventName } from './names';

export { channelFor, commandNames, eventNames, type CommandName, type EventName };

const sessionName = z.string().min(1).max(128);
const accountId = z.string().regex(/^\d{12}$/);
const roleName = z.string().min(1).max(64);
const roleRef = z.object({ session: sessionName, accountId, roleName }).strict();

/** Phantom marker carrying a response type alongside its request schema. */
function returns<T>(): T {
  return undefined as T;
}

export type SessionView = SessionStatus & {
  /** A sign-in is running for this session (prompt details arrive as `signIn.prompt`). */
  signingIn: boolean;
  /** Listing progress while roles are being fetched. */
  listing?: ListingProgress;
  /** When roles were last listed successfully (ISO), if ever. */
  rolesFetchedAt?: string;
  /** The last listing error, in words, if the last refresh failed. */
  listingError?: { code: ErrorCode; message: string };
};

export type AppSnapshot = {
  sessions: SessionView[];
  settings: Settings;
  /** False when the last network call failed for lack of a network: the UI shows an offline banner. */
  online: boolean;
  /** Problems reading ~/.aws/config or caches, in words. */
  warnings: string[];
};

export type ProfilesPlanView = {
  planId: string;
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  skipped: { name: string; reason: string }[];
  /** Each profile added, updated or removed, with its account, role and region: the dialog's table. */
  profiles: ProfileRow[];
  diff: string;
};

type CommandSpec = { request: z.ZodType; response: unknown };

export const commands = {
  'state.get': { request: z.object({}).strict(), response: returns<AppSnapshot>() },
  'sessions.add': {
    request: z
      .object({
        name: sessionName,
        startUrl: z.string().max(2048),
        region,
        customEndpoint: z.boolean().optional(),
      })
      .strict(),
    response: returns<AppSnapshot>(),
  },
  'auth.signIn': {
    request: z.object({ session: sessionName, flow: z.enum(['pkce', 'device']).optional() }).strict(),
    response: returns<AppSnapshot>(),
  },
  'auth.cancelSignIn': { request: z.object({ session: sessionName }).strict(), response: returns<null>() },
  'auth.signOut': { request: z.object({ session: sessionName }).strict(), response: returns<AppSnapshot>() },
  'auth.startFresh': {
    request: z.object({ session: sessionName, flow: z.enum(['pkce', 'device']).optional() }).strict(),
    response: returns<AppSnapshot>(),
  },
  /** Opens the device verification page again (allow-listed hosts only). */
  'auth.openVerification': {
    request: z.object({ session: sessionName }).strict(),
    response: returns<null>(),
  },
  'auth.copyUserCode': { request: z.object({ session: sessionName }).strict(), response: returns<null>() },
  /** The prompt of a running sign-in (null when none), for a window opened after it was sent. */
  'signIn.currentPrompt': {
    request: z.object({ session: sessionName }).strict(),
    response: returns<WaitingPrompt | null>(),
  },
  /**
   * Cached roles at once, in the one order (app/domain/role-order), as every list of a session's
   * roles main sends; `refresh` starts a background listing whose progress arrives as events.
   */
  'roles.get': {
    request: z.object({ session: sessionName, refresh: z.boolean().optional() }).strict(),
    response: returns<RoleEntry[]>(),
  },
  /** What the person types in the search box: a running listing asks for matching accounts sooner. */
  'roles.prioritize': {
    request: z.object({ session: sessionName, query: z.string().max(200) }).strict(),
    response: returns<null>(),
  },
  'roles.copyEnv': {
    request: roleRef.extend({ format: envFormatSchema.optional(), region: region.optional() }).strict(),
    response: returns<{
      expiresAt: string;
      format: z.infer<typeof envFormatSchema>;
      clearsInSeconds: number;
    }>(),
  },
  'roles.openConsole': {
    request: roleRef.extend({ region: region.optional(), service: z.string().max(64).optional() }).strict(),
    response: returns<null>(),
  },
  'profiles.plan': {
    request: z
      .object({
        session: sessionName,
        /** Omitted: every role of the session. */
        roles: z.array(z.object({ accountId, roleName }).strict()).max(20_000).optional(),
        template: z.string().min(1).max(200).optional(),
        prune: z.boolean().optional(),
      })
      .strict(),
    response: returns<ProfilesPlanView>(),
  },
  'profiles.apply': {
    request: z.object({ planId: z.string().uuid() }).strict(),
    response: returns<{ written: boolean; backupPath?: string }>(),
  },
  'settings.update': { request: settingsPatchSchema, response: returns<Settings>() },
  'favorites.toggle': { request: roleRef, response: returns<Settings>() },
} as const satisfies Record<CommandName, CommandSpec>;

export type CommandRequest<C extends CommandName> = z.infer<(typeof commands)[C]['request']>;
export type CommandResponse<C extends CommandName> = (typeof commands)[C]['response'];

export type SignInPrompt =
  | { session: string; kind: 'device'; userCode: string; verificationUri: string; expiresAt: string }
  | { session: string; kind: 'browser'; url: string }
  | { session: string; kind: 'done' };
/** A prompt the person still has to act on. */
export type WaitingPrompt = Exclude<SignInPrompt, { kind: 'done' }>;

/** Events main pushes to the renderer. */
export type Events = {
  'state.changed': AppSnapshot;
  'signIn.prompt': SignInPrompt;
  /** A session's roles in the one order, as `roles.get`'s. */
  'roles.updated': { session: string; roles: RoleEntry[] };
  /** Main asks the window to focus the search box (tray shortcut). */
  'ui.focusSearch': null;
};
// Both directions: an event without a name, or a name without a payload type, fails to compile
// (`commands` gets the same check from `satisfies`).
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const eventsMatchNames: SameKeys<Events, Record<EventName, unknown>> = true;
void eventsMatchNames;

export type IpcError = { code: ErrorCode; message: string; hint?: string };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The object the preload exposes as `window.lanyard`: nothing else crosses the bridge. */
export type LanyardBridge = {
  invoke<C extends CommandName>(
    command: C,
    request: CommandRequest<C>,
  ): Promise<IpcResult<CommandResponse<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};
