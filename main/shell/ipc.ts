/**
 * IPC in main: one ipcMain.handle per contract command and webContents.send for events. The sender
 * check runs here first (our own renderer's top frame only), then the core's dispatcher checks the
 * sender again, parses the payload with the contract's zod schema and maps errors to IpcResult.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from './electron';
import {
  channelFor,
  commandNames,
  type EventName,
  type Events,
  type IpcResult,
} from '../../app/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { createLogger } from '../log/logger';
import { isTrustedSender } from './security-config';

const log = createLogger('shell.ipc');

const untrusted: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not talk to Lanyard.' },
};

/** Registers every command channel; returns the function that removes them again. */
export function registerIpc(dispatch: Dispatch, window: () => WebContents | undefined): () => void {
  for (const name of commandNames) {
    ipcMain.handle(channelFor(name), (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const url = frame?.url;
      // Top frame of our own window only: not an iframe, not another webContents.
      const ours = event.sender === window() && frame !== null && frame.parent === null;
      if (!ours || !isTrustedSender(url)) {
        log.warn('refused IPC from an untrusted sender', { command: name, origin: frame?.origin });
        return untrusted;
      }
      return dispatch(name, payload, url ?? '');
    });
  }
  return () => {
    for (const name of commandNames) ipcMain.removeHandler(channelFor(name));
  };
}

/** Pushes a core event to the window, if it is alive. */
export function sendEvent<E extends EventName>(
  target: WebContents | undefined,
  event: E,
  payload: Events[E],
): void {
  if (!target || target.isDestroyed()) return;
  target.send(channelFor(event), payload);
}
