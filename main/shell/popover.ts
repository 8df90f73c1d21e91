/**
 * Show/hide rules of the tray window, free of Electron so they can be tested with a fake window.
 * Hide-on-blur waits ~100 ms (as menubar does): clicking the tray icon while the window is open
 * blurs it first, and without the wait the click would find it hidden and open it again.
 */
import { getWindowPosition, type Point, type Rect, type Size } from '../../app/tray/position';

export type PopoverWindow = {
  isVisible(): boolean;
  show(): void;
  hide(): void;
  focus(): void;
  setPosition(x: number, y: number): void;
  getSize(): [number, number];
};

export type PopoverEnv = {
  trayBounds(): Rect;
  /** The display nearest to the tray (or the cursor when the tray gives no bounds). */
  display(trayBounds: Rect): { bounds: Rect; workArea: Rect };
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const BLUR_HIDE_DELAY_MS = 100;

export type Popover = {
  /** Tray left click. */
  toggle(): void;
  /** Show (second instance, "Open Lanyard" menu item, notification click). */
  show(): void;
  hide(): void;
  /** Wire to the window's 'blur' event. */
  onBlur(): void;
  position(): Point;
};

export function createPopover(win: PopoverWindow, env: PopoverEnv, gap = 4): Popover {
  let blurTimer: unknown;
  const cancelBlur = () => {
    if (blurTimer !== undefined) env.clearTimeout(blurTimer);
    blurTimer = undefined;
  };
  const position = (): Point => {
    const trayBounds = env.trayBounds();
    const { bounds, workArea } = env.display(trayBounds);
    const [width, height] = win.getSize();
    const windowSize: Size = { width, height };
    return getWindowPosition({ trayBounds, displayBounds: bounds, workArea, windowSize, gap });
  };
  const show = () => {
    cancelBlur();
    const p = position();
    win.setPosition(p.x, p.y);
    win.show();
    win.focus();
  };
  const hide = () => {
    cancelBlur();
    win.hide();
  };
  return {
    toggle: () => (win.isVisible() ? hide() : show()),
    show,
    hide,
    onBlur() {
      cancelBlur();
      blurTimer = env.setTimeout(() => {
        blurTimer = undefined;
        win.hide();
      }, BLUR_HIDE_DELAY_MS);
    },
    position,
  };
}
