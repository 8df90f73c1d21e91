/**
 * What the desktop core needs from the operating system. The Electron shell implements these
 * with `clipboard`, `Notification`, `shell.openExternal` and electron-store; tests use recording
 * fakes (test/support/fakes.ts). Nothing here imports Electron, so the core runs in plain Node.
 */
import type { Settings } from '../../app/settings/schema';

/** Sync or async: Electron 45's clipboard returns promises, the fakes do not; the core awaits both. */
export type Clipboard = {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
};

export type DesktopNotification = {
  /** Stable per session and lead time, so the shell can replace rather than stack. */
  id: string;
  title: string;
  body: string;
  actionLabel?: string;
};

export type Notifier = {
  show(n: DesktopNotification, onClick: () => void): void;
};

/** Opens a URL in the person's browser. The caller checks the allow-list BEFORE calling it. */
export type ExternalOpener = {
  open(url: string): Promise<void>;
};

export type SettingsStore = {
  read(): Settings;
  write(s: Settings): void;
};

/** Opaque: only the clock that made a handle can clear it. */
export type TimerHandle = object | number;

/** Injectable time, so expiry schedules and clipboard clearing are testable with a fake clock. */
export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
};

export type Platform = {
  clipboard: Clipboard;
  notifier: Notifier;
  opener: ExternalOpener;
  settings: SettingsStore;
  clock: Clock;
};

/**
 * The real clock. Long timeouts are chained because Node's setTimeout overflows above ~24.8 days
 * and fires at once; sessions can last longer than that.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const max = 2_147_483_647;
    const box: { t?: ReturnType<typeof setTimeout> } = {};
    const due = Date.now() + ms;
    const arm = (left: number) => {
      box.t = setTimeout(
        () => {
          const rest = due - Date.now();
          if (rest > 0) arm(rest);
          else fn();
        },
        Math.max(0, Math.min(left, max)),
      );
      box.t.unref?.();
    };
    arm(ms);
    return box;
  },
  clearTimeout(handle) {
    const box = handle as { t?: ReturnType<typeof setTimeout> } | undefined;
    if (box?.t) clearTimeout(box.t);
  },
};
