import { useLayoutEffect, useState, type RefObject } from 'react';
import { LIVE_LINES } from './useConsoleLog';

/** Lines kept above the first visible one while following (scrolling up a little stays smooth). */
export const LIVE_OVERSCAN = 16;

/**
 * How many of the live window's lines the Console lays out: as many as its body shows,
 * plus LIVE_OVERSCAN, at most LIVE_LINES. Under a flood every render replaces the whole
 * live window (more lines arrive between two renders than it holds), so the lines in the
 * page are what a render's layout and paint cost; lines nobody can see cost the most.
 * Scrolling up freezes the window into a page of the history (useConsoleWindow), so
 * nothing becomes unreachable.
 */
export function useLiveLineLimit(ref: RefObject<HTMLElement | null>): number {
  const [limit, setLimit] = useState(LIVE_LINES);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
      setLimit(Math.min(LIVE_LINES, Math.ceil(el.clientHeight / lineHeight) + LIVE_OVERSCAN));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref]);
  return limit;
}
