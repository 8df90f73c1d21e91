import { useCallback, useEffect, useState } from 'react';
import type { RoleEntry } from '../../app/domain/accounts';
import type { IpcError } from '../../app/ipc/contract';
import { invoke, useEvent } from '../bridge';

/**
 * The roles of one session: the cache at once, then `roles.updated` as listings finish.
 * `fetchedBefore` tells whether main has ever listed this session; if not, a first listing starts.
 */
export function useRoles(
  session: string | undefined,
  signedIn: boolean,
  fetchedBefore: boolean,
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

  useEffect(() => {
    if (session && signedIn) load(session, !fetchedBefore);
    // Only a change of session or sign-in reloads; `fetchedBefore` flipping is the listing finishing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, signedIn, load]);

  useEvent('roles.updated', (e) => {
    if (e.session === session) setState({ session: e.session, roles: e.roles });
  });

  const refresh = useCallback(() => {
    if (session) load(session, true);
  }, [session, load]);

  const current = state.session === session ? state : {};
  return { roles: current.roles, error: current.error, refresh };
}
