import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export type DrawnRow = { readonly index: number; readonly start: number; readonly size: number };

/** The first row whose bottom is below `y` (rows are sorted by their tops in `tops`). */
function rowAt(tops: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Windowing for rows whose heights are known without measuring them (a few fixed heights). The
 * tops are one typed array; the rows drawn are those within a window's height of the scroll
 * position, plus `overscan` either side (after the first frame). The list is never taller than the window, so that covers
 * it without reading its size: the first render forces no layout and is not redone once the
 * size is known. Only bringing the active row into view reads the list's height, kept by a
 * ResizeObserver (which reports after layout, so it forces none either).
 */
export function useFixedRows(
  count: number,
  sizeAt: (i: number) => number,
  scrollRef: RefObject<HTMLElement | null>,
  activeIndex: number,
  overscan: number,
) {
  const tops = useMemo(() => {
    const t = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) t[i + 1] = t[i]! + sizeAt(i);
    return t;
  }, [count, sizeAt]);
  const [top, setTop] = useState(0);
  const [reach, setReach] = useState(() => window.innerHeight);
  // The first frame draws what can be on screen and two rows either side; the rest of `overscan`,
  // there for smooth scrolling, comes in the idle time after it. Ten rows more on the first frame
  // were about a sixth of the first render of 10,000 roles.
  const [ahead, setAhead] = useState(() => Math.min(2, overscan));
  useEffect(() => {
    if (ahead >= overscan) return;
    const handle = requestIdleCallback(() => setAhead(overscan));
    return () => cancelIdleCallback(handle);
  }, [ahead, overscan]);
  const height = useRef<number | undefined>(undefined);
  const pending = useRef(-1);
  const topsRef = useRef(tops);
  useLayoutEffect(() => {
    topsRef.current = tops;
  }, [tops]);

  /** Scrolls as little as puts row `i` wholly in view, as `scrollIntoView({ block: 'nearest' })`. */
  const reveal = (el: HTMLElement, i: number, h: number) => {
    const t = topsRef.current;
    if (i < 0 || i >= t.length - 1) return;
    const start = t[i]!;
    const end = t[i + 1]!;
    const at = el.scrollTop;
    const to = end > at + h ? end - h : start < at ? start : at;
    if (to !== at) {
      el.scrollTop = to;
      // The rows at the new place are drawn now, not on the scroll event a frame later.
      setTop(el.scrollTop);
    }
  };

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Synchronous, as the rows must be in place in the frame that shows the new scroll position.
    const onScroll = () => flushSync(() => setTop(el.scrollTop));
    const onResize = () => setReach(window.innerHeight);
    const observer = new ResizeObserver(() => {
      height.current = el.clientHeight;
      if (pending.current >= 0) reveal(el, pending.current, height.current);
      pending.current = -1;
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onResize);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
      observer.disconnect();
    };
  }, [scrollRef]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || activeIndex < 0) return;
    // Before the first size report (on mount) the check waits for it; it still lands before paint.
    if (height.current === undefined) pending.current = activeIndex;
    else reveal(el, activeIndex, height.current);
  }, [activeIndex, scrollRef]);

  const rows: DrawnRow[] = [];
  if (count > 0) {
    // When the rows shrink (a search) the browser clamps the scroll position before its scroll
    // event says so: start from where it can be at most, so no frame shows a blank band.
    const from = Math.min(top, Math.max(0, tops[count]! - reach));
    const first = Math.max(0, rowAt(tops, count, from) - ahead);
    const last = Math.min(count - 1, rowAt(tops, count, from + reach) + ahead);
    for (let i = first; i <= last; i++)
      rows.push({ index: i, start: tops[i]!, size: tops[i + 1]! - tops[i]! });
  }
  return { rows, totalSize: tops[count]! };
}
