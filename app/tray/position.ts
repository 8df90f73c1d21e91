/**
 * Where the tray window goes: next to the tray icon, inside the display's work area.
 * Pure so it can be tested for every taskbar edge without Electron (after menubar's getWindowPosition).
 */

export type Rect = { x: number; y: number; width: number; height: number };
export type Size = { width: number; height: number };
export type Point = { x: number; y: number };
export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

export type PositionInput = {
  /** Tray.getBounds(); all zeros where the platform does not say (Linux AppIndicator). */
  trayBounds: Rect;
  /** screen.getDisplayNearestPoint(...).bounds: the whole display. */
  displayBounds: Rect;
  /** The same display's workArea: bounds minus taskbars, menu bar and docks. */
  workArea: Rect;
  windowSize: Size;
  /** Pixels between the window and the taskbar. */
  gap?: number;
};

/**
 * The taskbar's edge, found by what the work area gives up compared with the display.
 * A work area as wide as the display with no offset means the taskbar is at the bottom or
 * auto-hidden; bottom is also where Windows puts it by default, so that is the fallback.
 */
export function taskbarEdge(displayBounds: Rect, workArea: Rect): TaskbarEdge {
  if (workArea.y > displayBounds.y) return 'top';
  if (workArea.x > displayBounds.x) return 'left';
  if (workArea.width < displayBounds.width) return 'right';
  return 'bottom';
}

function isUnknown(r: Rect): boolean {
  return r.width === 0 && r.height === 0;
}

function clamp(value: number, min: number, max: number): number {
  // A window larger than the work area keeps its top-left corner visible.
  return Math.max(min, Math.min(value, max));
}

/** The window's top-left corner, in integer screen coordinates. */
export function getWindowPosition(input: PositionInput): Point {
  const { trayBounds: tray, displayBounds, workArea: wa, windowSize: win } = input;
  const gap = input.gap ?? 0;
  const edge = taskbarEdge(displayBounds, wa);
  const right = wa.x + wa.width - win.width;
  const bottom = wa.y + wa.height - win.height;

  let x: number;
  let y: number;
  if (isUnknown(tray)) {
    // No tray bounds (GNOME AppIndicator, some KDE setups): the corner where tray icons live.
    x = edge === 'left' ? wa.x + gap : right - gap;
    y = edge === 'top' ? wa.y + gap : bottom - gap;
  } else {
    const centerX = tray.x + tray.width / 2;
    const centerY = tray.y + tray.height / 2;
    switch (edge) {
      case 'top':
        x = centerX - win.width / 2;
        y = wa.y + gap;
        break;
      case 'bottom':
        x = centerX - win.width / 2;
        y = bottom - gap;
        break;
      case 'left':
        x = wa.x + gap;
        y = centerY - win.height / 2;
        break;
      case 'right':
        x = right - gap;
        y = centerY - win.height / 2;
        break;
    }
  }
  return {
    x: Math.round(clamp(x, wa.x, right)),
    y: Math.round(clamp(y, wa.y, bottom)),
  };
}
