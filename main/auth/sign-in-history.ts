/**
 * When each session's interactive sign-in happened, kept in Lanyard's data folder (never ~/.aws):
 * the clock a renewing session's end is counted from. Lanyard records its own sign-ins exactly; a
 * sign-in by `aws sso login` or another tool is dated from the earliest evidence in its token file
 * and marked as an estimate. The file holds no secrets: refresh tokens appear only as a short hash,
 * to tell one sign-in's renewals from a new sign-in.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SsoSession } from '../../app/domain/session';
import { observedLength } from '../../app/schedule/observed-length';
import { ACCESS_TOKEN_LIFETIME_MS, type SignInRecord } from '../../app/schedule/session-end';
import { sha256Hex } from '../digest';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { readTokenFile, type CachedToken } from './token-cache';

const log = createLogger('auth.sign-in-history');

export type SignInEntry = SignInRecord & {
  /** Hash of the refresh token last seen for this sign-in. */
  chain?: string;
  lastRenewedAt?: number;
  lastTokenExpiresAt?: number;
  refusedAt?: number;
  /** A length (seconds) a refused renewal pointed to; offered until remembered. */
  observedSeconds?: number;
};

type FileShape = { version: 1; sessions: Record<string, Record<string, unknown>> };

export type SignInHistory = {
  readonly file: string;
  /** Lanyard completed an interactive sign-in. */
  signedIn(session: SsoSession, token: CachedToken, at: number): Promise<void>;
  /** `from` is the token that was renewed: events of a sign-in that has been replaced are ignored. */
  renewed(session: SsoSession, from: CachedToken, token: CachedToken, at: number): Promise<void>;
  /** Identity Center refused a renewal: the session has ended (or was ended). */
  refused(session: SsoSession, from: CachedToken, at: number, currentLengthSeconds: number): Promise<void>;
  /**
   * The sign-in behind the token file as it is now (read inside the lock, so a read taken before a
   * sign-out or a sign-in cannot undo it); estimates one for a token another tool wrote.
   */
  observe(session: SsoSession, now: number, lengthMs: number): Promise<SignInEntry | undefined>;
  forget(session: SsoSession): Promise<void>;
};

const key = (s: SsoSession) => `${s.name} ${s.startUrl}`;
const fingerprint = (refreshToken: string) => sha256Hex(refreshToken).slice(0, 16);

/** Whether a renewal of `token` belongs to the sign-in recorded in `e`. */
const ofSignIn = (e: SignInEntry, token: CachedToken) =>
  token.refreshToken !== undefined && e.chain === fingerprint(token.refreshToken);

const timeFields = ['at', 'lastRenewedAt', 'lastTokenExpiresAt', 'refusedAt'] as const;

function toDisk(e: SignInEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { ...e };
  for (const f of timeFields) if (e[f] !== undefined) out[f] = new Date(e[f]).toISOString();
  return out;
}

function fromDisk(o: Record<string, unknown>): SignInEntry | undefined {
  const t = (f: string) => (typeof o[f] === 'string' ? Date.parse(o[f]) : Number.NaN);
  const at = t('at');
  if (Number.isNaN(at) || typeof o.basis !== 'string') return undefined;
  const e: SignInEntry = { at, estimate: o.estimate === true, basis: o.basis };
  if (typeof o.chain === 'string') e.chain = o.chain;
  for (const f of ['lastRenewedAt', 'lastTokenExpiresAt', 'refusedAt'] as const)
    if (!Number.isNaN(t(f))) e[f] = t(f);
  if (typeof o.observedSeconds === 'number') e.observedSeconds = o.observedSeconds;
  return e;
}

/**
 * The earliest moment the file proves the sign-in existed by. Not the registration date: one
 * registration serves many sign-ins over 90 days.
 */
async function estimateSignIn(
  file: string,
  token: CachedToken,
  now: number,
  why: string,
): Promise<SignInEntry> {
  const evidence: { at: number; basis: string }[] = [
    { at: now, basis: 'when Lanyard first saw it' },
    {
      at: token.expiresAt - ACCESS_TOKEN_LIFETIME_MS,
      basis: 'when its access token was issued (expiry minus 1 h)',
    },
  ];
  const mtime = await stat(file).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (mtime !== undefined) evidence.push({ at: mtime, basis: 'when the token file was written' });
  const earliest = evidence.reduce((a, b) => (b.at < a.at ? b : a));
  return {
    at: earliest.at,
    estimate: true,
    basis: `from the token file ${why}, ${earliest.basis}`,
    ...(token.refreshToken ? { chain: fingerprint(token.refreshToken) } : {}),
  };
}

export function createSignInHistory(paths: Paths): SignInHistory {
  const file = join(paths.dataDir, 'sign-ins.json');
  // One read-modify-write at a time within this process.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<FileShape> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as unknown;
      if (
        data &&
        typeof data === 'object' &&
        'sessions' in data &&
        typeof data.sessions === 'object' &&
        data.sessions
      )
        return { version: 1, sessions: data.sessions as FileShape['sessions'] };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('sign-in history unreadable; starting afresh', e);
    }
    return { version: 1, sessions: {} };
  }

  function update<T>(
    session: SsoSession,
    fn: (
      e: SignInEntry | undefined,
    ) => { next: SignInEntry | undefined; result: T } | Promise<{ next: SignInEntry | undefined; result: T }>,
  ): Promise<T> {
    const run = queue.then(async () => {
      const data = await load();
      const k = key(session);
      const before = data.sessions[k] ? fromDisk(data.sessions[k]) : undefined;
      const { next, result } = await fn(before);
      if (JSON.stringify(next) !== JSON.stringify(before)) {
        if (next) data.sessions[k] = toDisk(next);
        else delete data.sessions[k];
        await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      }
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const quietly = (p: Promise<unknown>, what: string) =>
    p.then(
      () => undefined,
      (e: unknown) => log.warn(`could not record ${what}`, e),
    );

  return {
    file,
    signedIn: (session, token, at) =>
      quietly(
        update(session, (e) => ({
          next: {
            at,
            estimate: false,
            basis: 'with Lanyard',
            ...(token.refreshToken ? { chain: fingerprint(token.refreshToken) } : {}),
            lastRenewedAt: at,
            lastTokenExpiresAt: token.expiresAt,
            ...(e?.observedSeconds !== undefined ? { observedSeconds: e.observedSeconds } : {}),
          },
          result: undefined,
        })),
        'a sign-in',
      ),
    renewed: (session, from, token, at) =>
      quietly(
        update(session, (e) => ({
          next:
            e && ofSignIn(e, from)
              ? {
                  ...e,
                  ...(token.refreshToken ? { chain: fingerprint(token.refreshToken) } : {}),
                  lastRenewedAt: at,
                  lastTokenExpiresAt: token.expiresAt,
                }
              : e,
          result: undefined,
        })),
        'a renewal',
      ),
    refused: (session, from, at, currentSeconds) =>
      quietly(
        update(session, (e) => {
          if (!e || !ofSignIn(e, from) || e.refusedAt !== undefined) return { next: e, result: undefined };
          const seconds = e.estimate
            ? undefined
            : observedLength({
                signedInAt: e.at,
                lastRenewedAt: e.lastRenewedAt,
                lastTokenExpiresAt: e.lastTokenExpiresAt,
                refusedAt: at,
                currentSeconds,
              });
          if (seconds !== undefined) log.info(`${session.name}: the session seems to last ${seconds} s`);
          return {
            next: { ...e, refusedAt: at, ...(seconds !== undefined ? { observedSeconds: seconds } : {}) },
            result: undefined,
          };
        }),
        'a refused renewal',
      ),
    observe: (session, now, lengthMs) =>
      update(session, async (e) => {
        const read = await readTokenFile(paths, session);
        if (read.kind !== 'ok') {
          // Signed out: the next sign-in starts a new clock; an observed length stays on offer.
          const keep = e?.observedSeconds !== undefined && read.kind === 'missing' ? e : undefined;
          return {
            next: read.kind === 'missing' ? (keep ? { ...keep, chain: undefined } : undefined) : e,
            result: undefined,
          };
        }
        const { token } = read;
        if (!token.refreshToken) return { next: e, result: undefined };
        const chain = fingerprint(token.refreshToken);
        const live =
          e !== undefined && e.chain !== undefined && e.refusedAt === undefined && e.at + lengthMs > now;
        if (e && e.chain === chain) return { next: e, result: e };
        // Another tool renewed it, or signed in again inside the live portal session (which keeps the
        // portal session's end): the sign-in time stands while the recorded session would still run.
        if (e && live) {
          const next = { ...e, chain };
          return { next, result: next };
        }
        const why = e ? 'a new sign-in by another tool' : 'another tool wrote';
        const estimated = await estimateSignIn(read.file, token, now, why);
        const next =
          e?.observedSeconds !== undefined ? { ...estimated, observedSeconds: e.observedSeconds } : estimated;
        return { next, result: next };
      }).catch((err: unknown) => {
        log.warn('could not read or write the sign-in history', err);
        return undefined;
      }),
    forget: (session) =>
      quietly(
        update(session, (e) => ({
          next: e?.observedSeconds !== undefined ? { ...e, chain: undefined, at: e.at } : undefined,
          result: undefined,
        })),
        'a sign-out',
      ),
  };
}
