import type { RoleCredentials } from '../../app/domain/credentials';
import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import { BearerHolder, portalCall, type Portal } from '../accounts/portal';
import { classify, MalformedResponse } from '../accounts/retry';
import { readTokenFile } from '../auth/token-cache';
import { createLogger } from '../log/logger';
import { registerSecret } from '../log/redact';
import type { Paths } from '../paths';
import { readCliCache, writeCliCache } from './cli-cache';

const log = createLogger('credentials');

/** Credentials are reused until this long before they expire (the JS SDK's own margin). */
export const reuseMarginMs = 5 * 60_000;

export type CredentialStore = {
  /**
   * Role credentials from memory when still good for 5 minutes, else (with `cliCache`) from the AWS
   * CLI's cache when good for 15, else from GetRoleCredentials (then written to that cache).
   */
  get(
    session: SsoSession,
    accountId: string,
    roleName: string,
    opts?: { signal?: AbortSignal },
  ): Promise<RoleCredentials>;
  /** Forgets every held credential (sign-out). */
  clear(sessionName?: string): void;
};

function parse(out: unknown): RoleCredentials {
  const rc = (out as { roleCredentials?: Record<string, unknown> } | undefined)?.roleCredentials;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = rc ?? {};
  if (
    typeof accessKeyId !== 'string' ||
    typeof secretAccessKey !== 'string' ||
    typeof sessionToken !== 'string' ||
    typeof expiration !== 'number' ||
    !accessKeyId ||
    !secretAccessKey ||
    !sessionToken
  )
    throw new MalformedResponse('GetRoleCredentials answer is missing a credential value');
  return { accessKeyId, secretAccessKey, sessionToken, expiration };
}

export type CredentialStoreOptions = {
  /** Share role credentials with the AWS CLI through `~/.aws/cli/cache` (see cli-cache.ts). */
  cliCache?: Paths;
};

function registerAll(creds: RoleCredentials): RoleCredentials {
  registerSecret(creds.accessKeyId);
  registerSecret(creds.secretAccessKey);
  registerSecret(creds.sessionToken);
  return creds;
}

export function createCredentialStore(
  portal: Portal,
  now: () => number = Date.now,
  { cliCache }: CredentialStoreOptions = {},
): CredentialStore {
  const held = new Map<string, RoleCredentials>();
  const inflight = new Map<string, Promise<RoleCredentials>>();
  const key = (s: string, a: string, r: string) => JSON.stringify([s, a, r]);

  const fetch = async (session: SsoSession, accountId: string, roleName: string, signal?: AbortSignal) => {
    const { GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso');
    const client = await portal.client(session);
    const bearer = new BearerHolder(portal.tokenSource, session.name);
    try {
      return await portalCall(
        portal,
        bearer,
        async (accessToken, attemptSignal) => {
          const out = await client.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }), {
            abortSignal: attemptSignal,
          });
          return registerAll(parse(out));
        },
        // A person (or a tool) is waiting on it: it goes ahead of a listing's queued calls.
        { what: `GetRoleCredentials ${accountId}`, signal, priority: true },
      );
    } catch (e) {
      const kind = classify(e);
      if (
        kind === 'forbidden' ||
        (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      )
        throw new LanyardError('FORBIDDEN', `You have no access to ${roleName} in ${accountId}.`, {
          hint: 'The assignment may have been removed; run `lanyard roles --refresh` to see what you can use.',
        });
      throw e;
    }
  };

  const fetchShared = async (
    session: SsoSession,
    accountId: string,
    roleName: string,
    signal?: AbortSignal,
  ): Promise<RoleCredentials> => {
    if (!cliCache) return fetch(session, accountId, roleName, signal);
    // Only for a signed-in session: signed out or expired must still say so (exit 3), cache or not.
    const token = await readTokenFile(cliCache, session);
    const signedIn = token.kind === 'ok' && token.token.expiresAt > now();
    const cached = signedIn && (await readCliCache(cliCache, session, accountId, roleName, now()));
    if (cached) return registerAll(cached);
    const creds = await fetch(session, accountId, roleName, signal);
    // The credentials are good either way; a cache that cannot be written only costs the next call.
    await writeCliCache(cliCache, session, accountId, roleName, creds).catch((e: unknown) =>
      log.warn('could not write the AWS CLI credential cache', { error: (e as Error).message }),
    );
    return creds;
  };

  return {
    async get(session, accountId, roleName, opts = {}) {
      const k = key(session.name, accountId, roleName);
      const have = held.get(k);
      if (have && have.expiration - now() > reuseMarginMs) return have;
      let p = inflight.get(k);
      if (!p) {
        p = fetchShared(session, accountId, roleName, opts.signal).finally(() => inflight.delete(k));
        inflight.set(k, p);
      }
      const creds = await p;
      held.set(k, creds);
      return creds;
    },
    clear(sessionName) {
      for (const k of [...held.keys()])
        if (sessionName === undefined || (JSON.parse(k) as string[])[0] === sessionName) held.delete(k);
    },
  };
}
