/**
 * Puts secrets on the clipboard and takes them off again, but only its own: the clear runs only
 * if the clipboard still holds exactly what Lanyard put there, so a person's later copy survives.
 */
import { createLogger } from '../log/logger';
import type { Clipboard, Clock, TimerHandle } from '../platform/types';

const log = createLogger('desktop.clipboard');

export type ClipboardGuard = {
  /** Writes `text`; clears it after `clearAfterSeconds` (0 = never) if it is still there. */
  put(text: string, clearAfterSeconds: number): Promise<void>;
  dispose(): Promise<void>;
};

export function createClipboardGuard(clipboard: Clipboard, clock: Clock): ClipboardGuard {
  let ours: string | undefined;
  let timer: TimerHandle | undefined;

  const clearIfOurs = async () => {
    timer = undefined;
    const expected = ours;
    ours = undefined;
    if (expected === undefined) return;
    try {
      if ((await clipboard.readText()) === expected) await clipboard.clear();
    } catch (e) {
      log.warn('could not clear the clipboard', { error: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    async put(text, clearAfterSeconds) {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      await clipboard.writeText(text);
      ours = text;
      if (clearAfterSeconds > 0) {
        timer = clock.setTimeout(() => void clearIfOurs(), clearAfterSeconds * 1000);
      }
    },
    /** On quit, a pending clear happens now rather than never. */
    async dispose() {
      if (timer === undefined) return;
      clock.clearTimeout(timer);
      await clearIfOurs();
    },
  };
}
