/**
 * Runs in the page before the app's scripts (an init script), as Electron runs a preload: it gives
 * the REAL built preload (dist/electron/preload.cjs) a `require('electron')` whose contextBridge and
 * ipcRenderer are wired to the double's ipcMain through a Playwright binding. Unlike Electron there
 * is no separate world: the page could reach `__electronDoubleInvoke` itself. The sender check is
 * still real, because the binding reports the calling frame (top or not, and its URL).
 */
import type { ContextBridge, IpcRenderer } from '../../../main/shell/electron-surface';

type Binding = (channel: string, args: unknown[]) => Promise<unknown>;
type Listener = (event: unknown, ...args: unknown[]) => void;
type ShimWindow = Window & {
  __electronDoubleInvoke?: Binding;
  __electronDoubleEmit?: (channel: string, args: unknown[]) => number;
};

export function electronFor(win: ShimWindow): { contextBridge: ContextBridge; ipcRenderer: IpcRenderer } {
  const listeners = new Map<string, Set<Listener>>();
  const event = { sender: null, ports: [] };
  Object.defineProperty(win, '__electronDoubleEmit', {
    value: (channel: string, args: unknown[]) => {
      const set = listeners.get(channel);
      for (const l of set ?? []) l(event, ...args);
      return set?.size ?? 0;
    },
  });
  const ipcRenderer: IpcRenderer = {
    invoke(channel, ...args) {
      const call = win.__electronDoubleInvoke;
      if (!call) return Promise.reject(new Error('the double has no IPC binding in this frame'));
      return call(channel, args);
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener as Listener);
      return ipcRenderer as Electron.IpcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener as Listener);
      return ipcRenderer as Electron.IpcRenderer;
    },
  };
  const contextBridge: ContextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(win, key, { value: api, enumerable: true });
    },
  };
  return { contextBridge, ipcRenderer };
}
