/**
 * The composition root: the one place that builds Lanyard's services from the edges (paths, env,
 * endpoints, opener, clock). The CLI context and the desktop core both take them from here, so a
 * CLI run and the tray app share one sign-in manager, one portal (one rate limiter) and one policy
 * for the origins a URL may be opened on.
 *
 * Parts that can fail on a bad environment variable (the portal rate, the federation override) are
 * built on first use, so `lanyard status` does not fail over a setting only `lanyard console` reads.
 */
import type { SsoSession } from '../app/domain/session';
import { LanyardError } from '../app/errors';
import { createRoleDirectory, type RoleDirectory } from './accounts/directory';
import { createPortal, type Portal } from './accounts/portal';
import { createSignIn, type SessionManager } from './auth/sign-in';
import { allowedOrigins, resolveEndpoints, type EndpointOverrides } from './aws/endpoints';
import {
  applyProfilesPlan,
  planProfiles,
  type PlanProfilesInput,
  type ProfilesPlan,
  type ProfilesPlanner,
} from './config/profiles';
import {
  addSsoSession,
  getSession,
  loadSessions,
  readSessions,
  type AddSessionInput,
} from './config/sessions';
import { consoleUrl, type ConsoleRequest } from './console/console-url';
import { createCredentialStore, type CredentialStore } from './credentials/role-credentials';
import type { Paths } from './paths';
import { sessionLengthIn } from './settings/session-lengths';
import { settingsFile, type SettingsFile } from './settings/settings-file';
import { createConfigReader, type ConfigReader } from './config/config-reader';
import type { Settings } from '../app/settings/schema';
import type { ExternalOpener } from './platform/types';

type Env = Record<string, string | undefined>;

export type ServicesOptions = {
  paths: Paths;
  env?: Env;
  endpoints?: EndpointOverrides;
  /** Opens a sign-in page in the system browser (only ever with allow-listed URLs). */
  opener: ExternalOpener;
  now?: () => number;
  /** Settings as the caller holds them (the desktop's store); default: settings.json in the data folder. */
  settings?: () => Settings;
  /**
   * Reads ~/.aws/config for every part: the CLI passes one that reads once per run. Default: reads
   * each time and reuses the parse while the text is unchanged (the long-lived desktop).
   */
  config?: ConfigReader;
  /** Where profiles are planned: in process by default; the desktop passes its worker thread. */
  planner?: ProfilesPlanner;
};

export type Services = {
  readonly signIn: SessionManager;
  /** One per run: listing, credentials and the console share its rate limiter. */
  readonly portal: Portal;
  readonly directory: RoleDirectory;
  /** Role credentials, held in memory only. Secret. */
  readonly credentials: CredentialStore;
  /** Origins besides AWS's own that URLs may be opened on (an emulator or private endpoint). */
  readonly allowedOrigins: string[];
  /** settings.json as a CLI run reads it: once, read-only, without conf and zod. */
  settingsFile(): SettingsFile;
  /** The URL that opens the console as a role; may fetch a sign-in token. Secret-bearing: never logged. */
  consoleUrl(req: ConsoleRequest): Promise<string>;
  /** Lenient: an unreadable config is a warning (status, the window). */
  loadSessions(): Promise<{ sessions: SsoSession[]; warnings: string[] }>;
  /** Strict: an unreadable config is a FILE error, for commands that act on a session. */
  readSessions(): Promise<{ sessions: SsoSession[]; warnings: string[] }>;
  getSession(name: string): Promise<SsoSession>;
  addSession(input: AddSessionInput): Promise<{ changed: boolean }>;
  planProfiles(input: PlanProfilesInput): Promise<ProfilesPlan>;
  applyProfilesPlan(plan: ProfilesPlan): Promise<{ written: boolean; backupPath?: string }>;
};

/** LANYARD_PORTAL_RATE: requests per second to the portal (default 20, the documented quota). */
function portalRate(env: Env): number {
  const rate = Number(env.LANYARD_PORTAL_RATE ?? '20');
  if (!(rate > 0))
    throw new LanyardError('CONFIG', 'LANYARD_PORTAL_RATE must be a number of requests per second above 0.');
  return rate;
}

/**
 * With an overridden portal (the emulator, a private endpoint) console federation lives on its
 * origin too, unless LANYARD_FEDERATION_URL says otherwise.
 */
function derivedFederationUrl(env: Env, endpoints?: EndpointOverrides): string | undefined {
  const resolved = resolveEndpoints('us-east-1', env, endpoints);
  return env.LANYARD_FEDERATION_URL || !resolved.overridden.portal
    ? undefined
    : `${new URL(resolved.portal).origin}/federation`;
}

/** Runs a write to the config, then has the next read see the file as written (even after a failure). */
async function afterWrite<T>(config: ConfigReader, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    config.invalidate();
  }
}

/** Memoises a builder: each service is made once, on first use. */
function once<T>(build: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: build() }).value;
}

export function createServices(opts: ServicesOptions): Services {
  const { paths, endpoints } = opts;
  const env = opts.env ?? process.env;
  const now = opts.now ?? Date.now;
  const config = opts.config ?? createConfigReader(paths);
  const settings = opts.settings;
  // Without the desktop's store, settings.json is read without conf and zod (start-up time).
  const file = once(() => settingsFile(paths.dataDir));
  const signIn = createSignIn({
    paths,
    env,
    sessions: {
      list: () => loadSessions(paths, config),
      get: (name) => getSession(paths, name, config),
    },
    endpoints,
    openUrl: (u) => opts.opener.open(u),
    now,
    // Renewing sessions end at sign-in + this length (default, configured or observed).
    sessionLength: (name) => (settings ? sessionLengthIn(settings(), name) : file().sessionLength(name)),
  });
  const portal = once(() =>
    createPortal({ tokenSource: signIn, env, endpoints, rate: { ratePerSecond: portalRate(env) } }),
  );
  // The directory and the credential store hold this view, so reading the role cache never builds the portal.
  const portalOnUse: Portal = {
    get tokenSource() {
      return portal().tokenSource;
    },
    get limiter() {
      return portal().limiter;
    },
    get attemptTimeoutMs() {
      return portal().attemptTimeoutMs;
    },
    client: (session) => portal().client(session),
  };
  const directory = createRoleDirectory({ paths, portal: portalOnUse, now });
  // Shares role credentials with the AWS CLI's ~/.aws/cli/cache both ways (botocore's format and key).
  const credentials = createCredentialStore(portalOnUse, now, { cliCache: paths });
  const federationUrl = once(() => derivedFederationUrl(env, endpoints));
  const origins = once(() => allowedOrigins(env, endpoints));

  return {
    signIn,
    get portal() {
      return portal();
    },
    directory,
    credentials,
    get allowedOrigins() {
      return origins();
    },
    settingsFile: file,
    consoleUrl: (req) => consoleUrl(req, { credentials, env, federationUrl: federationUrl() }),
    loadSessions: () => loadSessions(paths, config),
    readSessions: () => readSessions(paths, config),
    getSession: (name) => getSession(paths, name, config),
    addSession: (input) => afterWrite(config, () => addSsoSession(paths, input)),
    planProfiles: (input) => planProfiles(paths, input, config, opts.planner),
    applyProfilesPlan: (plan) => afterWrite(config, () => applyProfilesPlan(paths, plan, opts.planner)),
  };
}
