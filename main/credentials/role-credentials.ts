import type { RoleCredentials } from '../../app/domain/credentials';
import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import { BearerHolder, portalCall, type Portal } from '../accounts/portal';
import { classify, MalformedResponse } from '../accounts/retry';
import { registerSecret } from '../log/redact';

/** Credentials are reused until this long before they expire (the JS SDK's own margin). */
export const reuseMarginMs = 5 * 60_000;

export type CredentialStore = {
  /** Role credentials from memory when still good for 5 minutes, else from GetRoleCredentials. Never written to disk. */
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

export function createCredentialStore(portal: Portal, now: () => number = Date.now): CredentialStore {
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
          const creds = parse(out);
          registerSecret(creds.accessKeyId);
          registerSecret(creds.secretAccessKey);
          registerSecret(creds.sessionToken);
          return creds;
        },
        { what: `GetRoleCredentials ${accountId}`, signal },
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

  return {
    async get(session, accountId, roleName, opts = {}) {
      const k = key(session.name, accountId, roleName);
      const have = held.get(k);
      if (have && have.expiration - now() > reuseMarginMs) return have;
      let p = inflight.get(k);
      if (!p) {
        p = fetch(session, accountId, roleName, opts.signal).finally(() => inflight.delete(k));
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
