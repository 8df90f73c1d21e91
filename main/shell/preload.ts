/**
 * The whole bridge: one frozen `window.lanyard` built from the IPC contract's name lists. Only
 * contract channels can be invoked or listened to, and ipcRenderer itself never crosses into the page.
 *
 * It imports app/ipc/names.ts, the contract's zod-free half: the schemas (and zod, ~750 KB bundled)
 * are main's business, not something a preload should parse on every window load.
 */
import * as electron from 'electron';
import type { LanyardBridge } from '../../app/ipc/contract';
import { channelFor, commandNames, eventNames } from '../../app/ipc/names';
import type { PreloadElectron } from './electron-surface';

// Only the picked members (the Electron double's preload shim implements exactly these).
const { contextBridge, ipcRenderer }: PreloadElectron = electron;

const commands = new Set<string>(commandNames);
const events = new Set<string>(eventNames);
const known = (names: Set<string>, key: unknown): key is string => typeof key === 'string' && names.has(key);

const bridge: LanyardBridge = {
  invoke(command, request) {
    if (!known(commands, command)) {
      const error = { code: 'BAD_INPUT' as const, message: `Unknown command: ${String(command)}` };
      return Promise.resolve({ ok: false, error });
    }
    // Exactly one argument crosses, whatever the page passes.
    return ipcRenderer.invoke(channelFor(command), request) as ReturnType<LanyardBridge['invoke']>;
  },
  on(event, listener) {
    if (!known(events, event)) throw new Error(`Unknown event: ${String(event)}`);
    // The IpcRendererEvent (and its sender) stays here: the page sees the payload only.
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channelFor(event), wrapped);
    return () => void ipcRenderer.removeListener(channelFor(event), wrapped);
  },
};

contextBridge.exposeInMainWorld('lanyard', Object.freeze(bridge));
