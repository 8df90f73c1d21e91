/**
 * The whole bridge: one frozen `window.lanyard` built from the IPC contract. Only contract
 * channels can be invoked or listened to, and ipcRenderer itself never crosses into the page.
 *
 * Names are listed here as type-checked records instead of importing `commandNames`: the
 * contract's runtime module carries zod (~750 KB bundled), which a preload parsed on every window
 * load does not need. `Record<CommandName, true>` makes tsc fail on a missing or extra name, and
 * test/main/shell/security-checklist.test.ts compares these keys with the contract too.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CommandName, EventName, LanyardBridge } from '../../app/ipc/contract';

const commands: Record<CommandName, true> = {
  'state.get': true,
  'sessions.add': true,
  'auth.signIn': true,
  'auth.cancelSignIn': true,
  'auth.signOut': true,
  'auth.startFresh': true,
  'auth.openVerification': true,
  'auth.copyUserCode': true,
  'roles.get': true,
  'roles.prioritize': true,
  'roles.copyEnv': true,
  'roles.openConsole': true,
  'profiles.plan': true,
  'profiles.apply': true,
  'settings.update': true,
  'favorites.toggle': true,
};
const events: Record<EventName, true> = {
  'state.changed': true,
  'signIn.prompt': true,
  'roles.updated': true,
  'ui.focusSearch': true,
};
// Same as channelFor() in the contract (the checklist test holds them equal).
const channel = (name: CommandName | EventName): string => `lanyard:${name}`;
const has = (record: object, key: unknown): boolean => typeof key === 'string' && Object.hasOwn(record, key);

const bridge: LanyardBridge = {
  invoke(command, request) {
    if (!has(commands, command)) {
      const error = { code: 'BAD_INPUT' as const, message: `Unknown command: ${String(command)}` };
      return Promise.resolve({ ok: false, error });
    }
    // Exactly one argument crosses, whatever the page passes.
    return ipcRenderer.invoke(channel(command), request) as ReturnType<LanyardBridge['invoke']>;
  },
  on(event, listener) {
    if (!has(events, event)) throw new Error(`Unknown event: ${String(event)}`);
    // The IpcRendererEvent (and its sender) stays here: the page sees the payload only.
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel(event), wrapped);
    return () => void ipcRenderer.removeListener(channel(event), wrapped);
  },
};

contextBridge.exposeInMainWorld('lanyard', Object.freeze(bridge));
