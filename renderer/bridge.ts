/**
 * The renderer's only way to main: `window.lanyard`, exposed by the preload. Types come from the
 * contract as type-only imports, so zod (which main uses to check requests) stays out of the bundle.
 */
import { useEffect, useRef } from 'react';
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  Events,
  IpcError,
  IpcResult,
} from '../app/ipc/contract';
import type {} from './window';

/** Like `window.lanyard.invoke`, but a broken bridge becomes an error result instead of a throw. */
export async function invoke<C extends CommandName>(
  command: C,
  request: CommandRequest<C>,
): Promise<IpcResult<CommandResponse<C>>> {
  try {
    return await window.lanyard.invoke(command, request);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'INTERNAL', message, hint: 'Restart Lanyard if this keeps happening.' },
    };
  }
}

/** Subscribes to a main → renderer event for the component's lifetime; the latest listener is used. */
export function useEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => window.lanyard.on(event, (payload) => ref.current(payload)), [event]);
}

export type { IpcError };
