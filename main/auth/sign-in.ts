import type { SessionStatus, SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import type { EndpointOverrides } from '../aws/endpoints';
import type { HttpOptions } from '../aws/http';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import type { TokenSource } from './token-source';
import { openOidc, portalLogout, type OidcDeps } from './oidc';
import type { SignInPrompt } from './prompts';
import { refreshRetryMs, refreshToken, refreshWindowMs, whyNotRefreshable } from './refresh';
import type { Flow } from './registration';
import { createPromptRelay, type PromptRelay } from './prompt-relay';
import { runSignIn, type LoginResult } from './sign-in-run';
import { configDirectory, type SessionDirectory } from './session-directory';
import { toLanyardError } from './service-errors';
import { describeStatus } from './status';
import { refreshShared } from './shared-refresh';
import { clearCliCache } from '../credentials/cli-cache';
import { createSignInHistory, type SignInHistory } from './sign-in-history';
import { renewalDue } from './renewal-due';
import { sessionLengthFrom, type SessionLength } from '../../app/schedule/session-length';
import { deleteTokenFile, readTokenFile, type CachedToken, type TokenRead } from './token-cache';

export type { LoginResult } from './sign-in-run';

const log = createLogger('auth.sign-in');

export type SignInDeps = {
  paths: Paths;
  env?: Record<string, string | undefined>;
  endpoints?: EndpointOverrides;
  http?: HttpOptions;
  /** Opens a URL in the system browser (only called with allow-listed URLs). */
  openUrl: (url: string) => Promise<void>;
  now?: () => number;
  sessions?: SessionDirectory;
  /** How long the PKCE flow waits for the browser (default 10 minutes, as the AWS CLI). */
  pkceTimeoutMs?: number;
  /** The session length in force for a session (settings); default Identity Center's 8 h. */
  sessionLength?: (sessionName: string) => SessionLength;
  /** Where sign-in times are kept (default: sign-ins.json in paths.dataDir). */
  history?: SignInHistory;
};

export type LoginOptions = {
  /** Default: 'pkce' for sso-sessions; legacy profiles always use 'device'. */
  flow?: Flow;
  /** False: only report the URL (and code) through onPrompt; the person opens it. */
  openBrowser?: boolean;
  signal?: AbortSignal;
  onPrompt?: (prompt: SignInPrompt) => void;
};

export type SessionManager = TokenSource & {
  login(sessionName: string, opts?: LoginOptions): Promise<LoginResult>;
  /** Cancels a running sign-in for the session (the desktop app's Cancel button). */
  cancelLogin(sessionName: string): boolean;
  /** Portal Logout (errors ignored), then the token file goes; the registration stays. */
  logout(sessionName: string): Promise<{ wasSignedIn: boolean }>;
  /** Logout then login: a new sign-in inside a live portal session would inherit its old end time. */
  startFreshSession(sessionName: string, opts?: LoginOptions): Promise<LoginResult>;
  /** Every configured session; renews near-expiry refreshable tokens first unless `refresh: false`. */
  status(opts?: { refresh?: boolean }): Promise<SessionStatus[]>;
  /** Called with the session's name whenever its sign-in state may have changed. */
  onChange(listener: (sessionName: string) => void): () => void;
};

/** Fans a running sign-in's prompts out to everyone waiting on it, late joiners included. */
type InFlightLogin = { promise: Promise<LoginResult>; controller: AbortController; relay: PromptRelay };

export function createSignIn(deps: SignInDeps): SessionManager {
  const env = deps.env ?? process.env;
  const now = deps.now ?? Date.now;
  const directory = deps.sessions ?? configDirectory(deps.paths);
  const oidcDeps: OidcDeps = { env, endpoints: deps.endpoints, http: deps.http };
  const listeners = new Set<(name: string) => void>();
  const history = deps.history ?? createSignInHistory(deps.paths);
  const lengthOf = deps.sessionLength ?? (() => sessionLengthFrom(undefined));
  const logins = new Map<string, InFlightLogin>();
  const refreshes = new Map<string, Promise<CachedToken | undefined>>();
  const lastRefreshAttempt = new Map<string, number>();
  const refreshFailures = new Map<string, string>();
  /** Access tokens the portal refused although they looked valid, per session. */
  const rejected = new Map<string, string>();

  const emit = (name: string) => {
    for (const l of listeners) {
      try {
        l(name);
      } catch (e) {
        log.error('change listener failed', e);
      }
    }
  };

  function forget(name: string) {
    refreshFailures.delete(name);
    rejected.delete(name);
    lastRefreshAttempt.delete(name);
  }

  async function login(name: string, opts: LoginOptions = {}): Promise<LoginResult> {
    const session = await directory.get(name);
    let run = logins.get(session.name);
    if (!run) {
      const flow: Flow = session.kind === 'legacy-profile' ? 'device' : (opts.flow ?? 'pkce');
      const controller = new AbortController();
      opts.signal?.addEventListener('abort', () => controller.abort(), { once: true });
      if (opts.signal?.aborted) controller.abort();
      const relay = createPromptRelay();
      const runDeps = {
        ...oidcDeps,
        paths: deps.paths,
        openUrl: deps.openUrl,
        now,
        pkceTimeoutMs: deps.pkceTimeoutMs,
      };
      const promise = runSignIn(runDeps, session, flow, {
        openBrowser: opts.openBrowser,
        signal: controller.signal,
        onPrompt: (p) => relay.emit(p),
      })
        .then(async (result) => {
          forget(session.name);
          const saved = await readTokenFile(deps.paths, session);
          if (saved.kind === 'ok') await history.signedIn(session, saved.token, now());
          return result;
        })
        .finally(() => {
          logins.delete(session.name);
          emit(session.name);
        });
      run = { promise, controller, relay };
      logins.set(session.name, run);
      emit(session.name);
    }
    const unfollow = opts.onPrompt ? run.relay.follow(opts.onPrompt) : undefined;
    return run.promise.finally(() => unfollow?.());
  }

  /** One refresh per session at a time, at most one attempt a minute; undefined when none happened. */
  function renew(session: SsoSession, token: CachedToken): Promise<CachedToken | undefined> {
    const running = refreshes.get(session.name);
    if (running) return running;
    const why = whyNotRefreshable(token, now());
    if (why) return Promise.resolve(undefined);
    const last = lastRefreshAttempt.get(session.name);
    if (last !== undefined && now() - last < refreshRetryMs) return Promise.resolve(undefined);
    lastRefreshAttempt.set(session.name, now());
    const p = (async () => {
      const oidc = await openOidc(session.region, oidcDeps);
      try {
        const refresh = (t: CachedToken) => refreshToken(oidc, session, t, now);
        const next = await refreshShared({ paths: deps.paths, now, refresh }, session, token);
        refreshFailures.delete(session.name);
        rejected.delete(session.name);
        await history.renewed(session, token, next, now());
        log.info(`renewed the sign-in for ${session.name}`);
        return next;
      } catch (e) {
        const err = toLanyardError(e, oidc.endpoint, 'session renewal');
        refreshFailures.set(session.name, err.message);
        if (err.code === 'SESSION_EXPIRED')
          await history.refused(session, token, now(), lengthOf(session.name).seconds);
        log.warn(`could not renew ${session.name}: ${err.message}`);
        return undefined;
      } finally {
        oidc.client.destroy();
      }
    })().finally(() => {
      refreshes.delete(session.name);
      emit(session.name);
    });
    refreshes.set(session.name, p);
    return p;
  }

  async function cachedToken(session: SsoSession): Promise<CachedToken> {
    const read = await readTokenFile(deps.paths, session);
    if (read.kind === 'missing')
      throw new LanyardError('NOT_SIGNED_IN', `Not signed in to ${session.name}.`, {
        hint: `Run: lanyard login --session ${session.name}`,
      });
    if (read.kind === 'invalid')
      throw new LanyardError(
        'NOT_SIGNED_IN',
        `The cached sign-in for ${session.name} (${read.file}) ${read.reason}.`,
        {
          hint: `Sign in again: lanyard login --session ${session.name}`,
        },
      );
    return read.token;
  }

  function expired(session: SsoSession, token: CachedToken, why?: string): LanyardError {
    const reason =
      why ??
      refreshFailures.get(session.name) ??
      whyNotRefreshable(token, now()) ??
      'it could not be renewed';
    return new LanyardError('SESSION_EXPIRED', `The sign-in for ${session.name} has expired: ${reason}.`, {
      hint: `Sign in again: lanyard login --session ${session.name}`,
    });
  }

  async function getAccessToken(name: string): Promise<string> {
    const session = await directory.get(name);
    const token = await cachedToken(session);
    const refused = rejected.get(session.name) === token.accessToken;
    if (!refused && token.expiresAt - now() > refreshWindowMs) return token.accessToken;
    const renewed = await renew(session, token);
    if (renewed) return renewed.accessToken;
    if (!refused && token.expiresAt > now()) return token.accessToken;
    throw expired(session, token, refused ? 'Identity Center refused the token' : undefined);
  }

  async function refreshAfterRejection(name: string, refusedToken: string): Promise<string> {
    const session = await directory.get(name);
    const token = await cachedToken(session);
    // Someone (another caller, the AWS CLI) already replaced it.
    if (token.accessToken !== refusedToken && token.expiresAt > now()) return token.accessToken;
    if (rejected.get(session.name) !== refusedToken) {
      rejected.set(session.name, refusedToken);
      emit(session.name);
    }
    const renewed = await (refreshes.get(session.name) ?? renew(session, token));
    if (renewed) return renewed.accessToken;
    throw expired(session, token, refreshFailures.get(session.name) ?? 'Identity Center refused the token');
  }

  async function logout(name: string): Promise<{ wasSignedIn: boolean }> {
    const session = await directory.get(name);
    const read = await readTokenFile(deps.paths, session);
    if (read.kind === 'ok') {
      try {
        await portalLogout(read.token.region || session.region, read.token.accessToken, oidcDeps);
      } catch (e) {
        log.info(`portal logout for ${session.name} failed (ignored)`, e);
      }
    }
    const removed = await deleteTokenFile(deps.paths, session);
    // As `aws sso logout` does: role credentials cached on disk would outlive the sign-in by an hour.
    await clearCliCache(deps.paths);
    await history.forget(session);
    forget(session.name);
    emit(session.name);
    return { wasSignedIn: removed && read.kind === 'ok' };
  }

  async function status(opts: { refresh?: boolean } = {}): Promise<SessionStatus[]> {
    const { sessions } = await directory.list();
    return Promise.all(
      sessions.map(async (session) => {
        const read = await readTokenFile(deps.paths, session);
        const length = lengthOf(session.name);
        const lengthMs = length.seconds * 1000;
        const signIn = await history.observe(session, now(), lengthMs);
        if (read.kind === 'ok' && opts.refresh !== false && renewalDue(read.token, signIn, lengthMs, now())) {
          const renewed = await renew(session, read.token);
          if (renewed) {
            const r: TokenRead = { kind: 'ok', file: read.file, token: renewed };
            const after = await history.observe(session, now(), lengthMs);
            return describeStatus(session, r, now(), {}, { length, signIn: after });
          }
        }
        return describeStatus(
          session,
          read,
          now(),
          {
            refreshFailure: refreshFailures.get(session.name),
            rejected: read.kind === 'ok' && rejected.get(session.name) === read.token.accessToken,
          },
          { length, signIn: await history.observe(session, now(), lengthMs) },
        );
      }),
    );
  }

  return {
    getAccessToken,
    refreshAfterRejection,
    login,
    cancelLogin: (name) => {
      const run = logins.get(name);
      run?.controller.abort();
      return Boolean(run);
    },
    logout,
    async startFreshSession(name, opts) {
      await logout(name);
      return login(name, opts);
    },
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
