import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoleEntry } from '../../app/domain/accounts';
import type { IpcError } from '../../app/ipc/contract';
import { invoke, useEvent } from '../bridge';

export type SessionRoles = { roles?: RoleEntry[]; error?: IpcError };
type Listed = { name: string; rolesFetchedAt: string | undefined };

/**
 * The roles of every signed-in session: each one's cache at once, then `roles.updated` as listings
 * finish. A session main has never listed (no `rolesFetchedAt`) gets a first listing; when its
 * `rolesFetchedAt` changes the cache is read again, in case no `roles.updated` came with it.
 * A session that signs out drops out, and is read afresh when it signs in again.
 */
export function useAllRoles(signedIn: readonly Listed[]): {
  bySession: ReadonlyMap<string, SessionRoles>;
  refresh: (session: string) => void;
} {
  const [bySession, setBySession] = useState<ReadonlyMap<string, SessionRoles>>(new Map());
  const seen = useRef(new Map<string, string | undefined>());

  const load = useCallback((name: string, refresh: boolean) => {
    void invoke('roles.get', refresh ? { session: name, refresh } : { session: name }).then((r) => {
      if (!seen.current.has(name)) return; // signed out meanwhile
      setBySession((prev) => {
        const next = new Map(prev);
        next.set(name, r.ok ? { roles: r.value } : { roles: prev.get(name)?.roles, error: r.error });
        return next;
      });
    });
  }, []);

  // One string for "which sessions, listed when": the effect runs only when that changes.
  const key = JSON.stringify(signedIn.map((s) => [s.name, s.rolesFetchedAt ?? null]));
  useEffect(() => {
    const list = JSON.parse(key) as [string, string | null][];
    const names = new Set(list.map(([name]) => name));
    for (const name of [...seen.current.keys()]) {
      if (names.has(name)) continue;
      seen.current.delete(name);
      setBySession((prev) => {
        const next = new Map(prev);
        next.delete(name);
        return next;
      });
    }
    for (const [name, fetched] of list) {
      const at = fetched ?? undefined;
      const known = seen.current.has(name);
      if (known && seen.current.get(name) === at) continue;
      seen.current.set(name, at);
      load(name, !known && at === undefined);
    }
  }, [key, load]);

  useEvent('roles.updated', (e) => {
    if (!seen.current.has(e.session)) return;
    setBySession((prev) => new Map(prev).set(e.session, { roles: e.roles }));
  });

  const refresh = useCallback((name: string) => load(name, true), [load]);
  return { bySession, refresh };
}
