import { useCallback, useEffect, useState } from 'react';
import type { AppSnapshot, IpcError } from '../../app/ipc/contract';
import { invoke, useEvent } from '../bridge';

/** The app state from main: fetched once, then replaced on every `state.changed`. */
export function useSnapshot(): {
  snapshot: AppSnapshot | undefined;
  loadError: IpcError | undefined;
  setSnapshot: (s: AppSnapshot) => void;
  reload: () => void;
} {
  const [snapshot, setSnapshot] = useState<AppSnapshot>();
  const [loadError, setLoadError] = useState<IpcError>();
  const reload = useCallback(() => {
    void invoke('state.get', {}).then((r) => {
      if (r.ok) {
        setSnapshot(r.value);
        setLoadError(undefined);
      } else setLoadError(r.error);
    });
  }, []);
  useEffect(reload, [reload]);
  useEvent('state.changed', setSnapshot);
  return { snapshot, loadError, setSnapshot, reload };
}
