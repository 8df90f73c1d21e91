import { describe, expect, it } from 'vitest';
import { BLUR_HIDE_DELAY_MS, createPopover, type PopoverWindow } from '../../../main/shell/popover';
import type { Rect } from '../../../app/tray/position';

function fakeWindow() {
  const calls: string[] = [];
  let visible = false;
  const win: PopoverWindow = {
    isVisible: () => visible,
    show: () => {
      visible = true;
      calls.push('show');
    },
    hide: () => {
      visible = false;
      calls.push('hide');
    },
    focus: () => void calls.push('focus'),
    setPosition: (x, y) => void calls.push(`at ${x},${y}`),
    getSize: () => [380, 560],
  };
  return { win, calls };
}

function fakeTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    setTimeout: (fn: () => void, ms: number) => {
      expect(ms).toBe(BLUR_HIDE_DELAY_MS);
      pending.set(next, fn);
      return next++;
    },
    clearTimeout: (h: unknown) => void pending.delete(h as number),
    fire: () => {
      for (const [id, fn] of [...pending]) {
        pending.delete(id);
        fn();
      }
    },
    pending: () => pending.size,
  };
}

const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
};
const tray: Rect = { x: 1500, y: 0, width: 22, height: 24 };

describe('tray popover', () => {
  it('left click shows the window under the icon and focuses it; a second click hides it', () => {
    const { win, calls } = fakeWindow();
    const t = fakeTimers();
    const p = createPopover(win, { trayBounds: () => tray, display: () => display, ...t });
    p.toggle();
    expect(calls).toEqual([`at ${1511 - 190},29`, 'show', 'focus']);
    p.toggle();
    expect(calls.at(-1)).toBe('hide');
  });

  it('clicking the icon while open (blur, then click) closes it instead of reopening it', () => {
    const { win, calls } = fakeWindow();
    const t = fakeTimers();
    const p = createPopover(win, { trayBounds: () => tray, display: () => display, ...t });
    p.toggle();
    calls.length = 0;
    p.onBlur(); // mouse-down on the tray blurs the window first
    expect(win.isVisible()).toBe(true);
    p.toggle(); // then the click arrives, within the delay
    t.fire();
    expect(calls).toEqual(['hide']);
    expect(win.isVisible()).toBe(false);
    expect(t.pending()).toBe(0);
  });

  it('clicking elsewhere hides the window after the delay', () => {
    const { win } = fakeWindow();
    const t = fakeTimers();
    const p = createPopover(win, { trayBounds: () => tray, display: () => display, ...t });
    p.show();
    p.onBlur();
    expect(win.isVisible()).toBe(true);
    t.fire();
    expect(win.isVisible()).toBe(false);
  });

  it('showing again cancels a pending blur hide', () => {
    const { win } = fakeWindow();
    const t = fakeTimers();
    const p = createPopover(win, { trayBounds: () => tray, display: () => display, ...t });
    p.show();
    p.onBlur();
    p.show();
    t.fire();
    expect(win.isVisible()).toBe(true);
  });
});
