import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IpcError } from '../../app/ipc/contract';

export type Toast = { id: number; kind: 'ok' | 'error'; text: string; hint?: string };
type Api = {
  toast: (text: string) => void;
  fail: (e: IpcError) => void;
  /** Drops every toast: a toast about the screen a person just left would only confuse. */
  clear: () => void;
};

const Ctx = createContext<Api>({ toast: () => undefined, fail: () => undefined, clear: () => undefined });
const ListCtx = createContext<{ toasts: Toast[]; dismiss: (id: number) => void }>({
  toasts: [],
  dismiss: () => undefined,
});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (t: Omit<Toast, 'id'>) => {
      const id = next.current++;
      // Newest only, plus one older: a tray window has no room for a stack.
      setToasts((prev) => [...prev.slice(-1), { ...t, id }]);
      setTimeout(() => dismiss(id), t.kind === 'error' ? 8000 : 3500);
    },
    [dismiss],
  );
  const api = useMemo<Api>(
    () => ({
      toast: (text) => push({ kind: 'ok', text }),
      fail: (e) =>
        push(e.hint ? { kind: 'error', text: e.message, hint: e.hint } : { kind: 'error', text: e.message }),
      clear: () => setToasts((prev) => (prev.length === 0 ? prev : [])),
    }),
    [push],
  );
  const list = useMemo(() => ({ toasts, dismiss }), [toasts, dismiss]);
  return (
    <Ctx.Provider value={api}>
      <ListCtx.Provider value={list}>{children}</ListCtx.Provider>
    </Ctx.Provider>
  );
}

export const useToasts = (): Api => useContext(Ctx);
export const useToastList = () => useContext(ListCtx);
