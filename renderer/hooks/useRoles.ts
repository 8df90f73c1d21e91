import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoleEntry } from '../../app/domain/accounts';
import type { IpcError } from '../../app/ipc/contract';
import { invoke, useEvent } from '../bridge';

/**
 * The roles of one session: the cache at once, then `roles.updated` as listings finish.
 * Without `rolesFetchedAt` main has never listed this session, so a first listing starts; when it
 * changes (a listing finished) the cache is read again, in case no `roles.updated` came with it.
 */
export function useRoles(
  session: string | undefined,
  rolesFetchedAt: string | undefined,
): { roles: RoleEntry[] | undefined; error: IpcError | undefined; refresh: () => void } {
  const [state, setState] = useState<{ session?: string; roles?: RoleEntry[]; error?: IpcError }>({});

  const load = useCallback((name: string, refresh: boolean) => {
    void invoke('roles.get', refresh ? { session: name, refresh } : { session: name }).then((r) => {
      setState((prev) => ({
        session: name,
        roles: r.ok ? r.value : prev.session === name ? prev.roles : undefined,
        error: r.ok ? undefined : r.error,
      }));
    });
  }, []);

  const fetchedAt = useRef(rolesFetchedAt);
  useEffect(() => {
    if (session) load(session, fetchedAt.current === undefined);
  }, [session, load]);
  useEffect(() => {
    if (session && rolesFetchedAt !== fetchedAt.current) {
      fetchedAt.current = rolesFetchedAt;
      load(session, false);
    }
  }, [session, rolesFetchedAt, load]);

  useEvent('roles.updated', (e) => {
    if (e.session === session) setState({ session: e.session, roles: e.roles });
  });

  const refresh = useCallback(() => {
    if (session) load(session, true);
  }, [session, load]);

  const current = state.session === session ? state : {};
  return { roles: current.roles, error: current.error, refresh };
}
