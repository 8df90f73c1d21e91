import { describe, expect, it } from 'vitest';
import { getWindowPosition, taskbarEdge, type Rect } from '../../../app/tray/position';

const display: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const win = { width: 380, height: 560 };

describe('taskbarEdge', () => {
  it('reads the edge from what the work area gives up', () => {
    expect(taskbarEdge(display, { x: 0, y: 25, width: 1920, height: 1055 })).toBe('top');
    expect(taskbarEdge(display, { x: 0, y: 0, width: 1920, height: 1040 })).toBe('bottom');
    expect(taskbarEdge(display, { x: 60, y: 0, width: 1860, height: 1080 })).toBe('left');
    expect(taskbarEdge(display, { x: 0, y: 0, width: 1860, height: 1080 })).toBe('right');
    // Auto-hidden taskbar: nothing given up; Windows' default edge.
    expect(taskbarEdge(display, display)).toBe('bottom');
  });
});

describe('getWindowPosition', () => {
  it('top (macOS menu bar): below the bar, centred on the icon', () => {
    const p = getWindowPosition({
      trayBounds: { x: 1500, y: 0, width: 22, height: 24 },
      displayBounds: display,
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
      windowSize: win,
    });
    expect(p).toEqual({ x: 1500 + 11 - 190, y: 25 });
  });

  it('bottom (Windows): above the taskbar, centred on the icon', () => {
    const p = getWindowPosition({
      trayBounds: { x: 1700, y: 1045, width: 24, height: 30 },
      displayBounds: display,
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      windowSize: win,
    });
    expect(p).toEqual({ x: 1712 - 190, y: 1040 - 560 });
  });

  it('left: beside the taskbar, centred vertically on the icon', () => {
    const p = getWindowPosition({
      trayBounds: { x: 10, y: 700, width: 40, height: 40 },
      displayBounds: display,
      workArea: { x: 60, y: 0, width: 1860, height: 1080 },
      windowSize: win,
    });
    expect(p).toEqual({ x: 60, y: 720 - 280 });
  });

  it('right: beside the taskbar, centred vertically on the icon', () => {
    const p = getWindowPosition({
      trayBounds: { x: 1870, y: 500, width: 40, height: 40 },
      displayBounds: display,
      workArea: { x: 0, y: 0, width: 1860, height: 1080 },
      windowSize: win,
    });
    expect(p).toEqual({ x: 1860 - 380, y: 520 - 280 });
  });

  it('clamps an icon in the corner so the window stays in the work area', () => {
    const top = getWindowPosition({
      trayBounds: { x: 1900, y: 0, width: 20, height: 24 },
      displayBounds: display,
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
      windowSize: win,
    });
    expect(top).toEqual({ x: 1920 - 380, y: 25 });
    const bottomLeft = getWindowPosition({
      trayBounds: { x: 0, y: 1045, width: 24, height: 30 },
      displayBounds: display,
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      windowSize: win,
    });
    expect(bottomLeft).toEqual({ x: 0, y: 480 });
    const rightLow = getWindowPosition({
      trayBounds: { x: 1870, y: 1060, width: 40, height: 20 },
      displayBounds: display,
      workArea: { x: 0, y: 0, width: 1860, height: 1080 },
      windowSize: win,
    });
    expect(rightLow).toEqual({ x: 1480, y: 1080 - 560 });
  });

  it('works on a secondary display with negative coordinates', () => {
    const second: Rect = { x: -1280, y: -200, width: 1280, height: 1024 };
    const p = getWindowPosition({
      trayBounds: { x: -30, y: -200, width: 22, height: 24 },
      displayBounds: second,
      workArea: { x: -1280, y: -175, width: 1280, height: 999 },
      windowSize: win,
    });
    expect(p).toEqual({ x: -380, y: -175 });
  });

  it('without tray bounds (GNOME AppIndicator) uses the tray corner of the taskbar edge', () => {
    const zero: Rect = { x: 0, y: 0, width: 0, height: 0 };
    const gnome = getWindowPosition({
      trayBounds: zero,
      displayBounds: display,
      workArea: { x: 0, y: 32, width: 1920, height: 1048 },
      windowSize: win,
      gap: 4,
    });
    expect(gnome).toEqual({ x: 1920 - 380 - 4, y: 36 });
    const kdeBottom = getWindowPosition({
      trayBounds: zero,
      displayBounds: display,
      workArea: { x: 0, y: 0, width: 1920, height: 1036 },
      windowSize: win,
    });
    expect(kdeBottom).toEqual({ x: 1540, y: 476 });
  });

  it('keeps the top-left corner visible when the window is larger than the work area', () => {
    const p = getWindowPosition({
      trayBounds: { x: 700, y: 0, width: 22, height: 24 },
      displayBounds: { x: 0, y: 0, width: 800, height: 600 },
      workArea: { x: 0, y: 25, width: 800, height: 575 },
      windowSize: { width: 900, height: 700 },
    });
    expect(p).toEqual({ x: 0, y: 25 });
  });

  it('returns integer coordinates for odd sizes', () => {
    const p = getWindowPosition({
      trayBounds: { x: 1001, y: 0, width: 23, height: 24 },
      displayBounds: display,
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
      windowSize: { width: 381, height: 561 },
    });
    expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });
});
