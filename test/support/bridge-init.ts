/**
 * Runs in the page before the renderer (page.addInitScript): defines a frozen `window.lanyard`
 * with the preload's shape, backed by two Playwright bindings: `__lanyardInvoke` (to the real
 * desktop core's dispatch) and `__lanyardEmit` (called by the test to push core events in).
 */
import type { LanyardBridge } from '../../app/ipc/contract';
import { eventNames } from '../../app/ipc/names';

type Invoke = (command: string, request: unknown) => Promise<unknown>;
type Host = { __lanyardInvoke?: Invoke; __lanyardEmit?: (event: string, payload: unknown) => void };

const events: readonly string[] = eventNames;
const host = window as unknown as Host;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const bridge: LanyardBridge = {
  invoke(command, request) {
    const call = host.__lanyardInvoke;
    if (!call) return Promise.reject(new Error('bridge binding missing'));
    // Through JSON, as structured clone over IPC would: no functions or prototypes cross.
    return call(command, JSON.parse(JSON.stringify(request ?? {})) as unknown) as ReturnType<
      LanyardBridge['invoke']
    >;
  },
  on(event, listener) {
    if (!events.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const set = listeners.get(event) ?? new Set();
    const wrapped = (p: unknown) => listener(p as never);
    set.add(wrapped);
    listeners.set(event, set);
    return () => void set.delete(wrapped);
  },
};

Object.defineProperty(window, '__lanyardEmit', {
  value: (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  },
});
Object.defineProperty(window, 'lanyard', {
  value: Object.freeze(bridge),
  writable: false,
  configurable: false,
});
