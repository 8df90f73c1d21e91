/**
 * Recording fakes for the platform services the Electron shell provides (main/platform/types.ts).
 * Every call is recorded so tests assert on what the core asked the OS to do.
 */
import type {
  Clipboard,
  Clock,
  DesktopNotification,
  ExternalOpener,
  Notifier,
  Platform,
  SettingsStore,
} from '../../main/platform/types';
import { defaultSettings, type Settings } from '../../app/settings/schema';

export type FakeClipboard = Clipboard & {
  text: string;
  calls: Array<{ op: 'write' | 'read' | 'clear'; text?: string }>;
};

export function fakeClipboard(): FakeClipboard {
  const c: FakeClipboard = {
    text: '',
    calls: [],
    writeText(text) {
      c.calls.push({ op: 'write', text });
      c.text = text;
    },
    readText() {
      c.calls.push({ op: 'read' });
      return c.text;
    },
    clear() {
      c.calls.push({ op: 'clear' });
      c.text = '';
    },
  };
  return c;
}

export type FakeNotifier = Notifier & {
  shown: Array<DesktopNotification & { at: number }>;
  /** Simulates a click on the most recent notification with this id. */
  click(id: string): void;
};

export function fakeNotifier(clock?: Clock): FakeNotifier {
  const handlers = new Map<string, () => void>();
  const n: FakeNotifier = {
    shown: [],
    show(notification, onClick) {
      n.shown.push({ ...notification, at: clock ? clock.now() : Date.now() });
      handlers.set(notification.id, onClick);
    },
    click(id) {
      const h = handlers.get(id);
      if (!h) throw new Error(`no notification ${id}`);
      h();
    },
  };
  return n;
}

export type FakeOpener = ExternalOpener & { opened: string[] };

export function fakeOpener(): FakeOpener {
  const o: FakeOpener = {
    opened: [],
    open(url) {
      o.opened.push(url);
      return Promise.resolve();
    },
  };
  return o;
}

export type FakeSettings = SettingsStore & { current: Settings; writes: Settings[] };

export function fakeSettings(initial: Partial<Settings> = {}): FakeSettings {
  const s: FakeSettings = {
    current: { ...defaultSettings, ...initial },
    writes: [],
    read: () => structuredClone(s.current),
    write(next) {
      s.writes.push(structuredClone(next));
      s.current = structuredClone(next);
    },
  };
  return s;
}

export type FakeClock = Clock & {
  /** Moves time forward, firing due timers in order (timers set by callbacks fire too if due). */
  advance(ms: number): void;
  /** Moves the wall clock without firing anything: a suspend/resume or a manual clock change. */
  jump(ms: number): void;
  pending(): number;
};

export function fakeClock(start = Date.UTC(2030, 0, 1, 9, 0, 0)): FakeClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { due: number; fn: () => void }>();
  const clock: FakeClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { due: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let next: [number, { due: number; fn: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].due <= end && (!next || entry[1].due < next[1].due)) next = entry;
        }
        if (!next) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].due);
        next[1].fn();
      }
      now = end;
    },
    jump(ms) {
      now += ms;
    },
    pending: () => timers.size,
  };
  return clock;
}

export type FakePlatform = Platform & {
  clipboard: FakeClipboard;
  notifier: FakeNotifier;
  opener: FakeOpener;
  settings: FakeSettings;
  clock: FakeClock;
};

export function fakePlatform(opts: { settings?: Partial<Settings>; clock?: FakeClock } = {}): FakePlatform {
  const clock = opts.clock ?? fakeClock();
  return {
    clipboard: fakeClipboard(),
    notifier: fakeNotifier(clock),
    opener: fakeOpener(),
    settings: fakeSettings(opts.settings),
    clock,
  };
}
