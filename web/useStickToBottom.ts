import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * Keeps a scroll container pinned to its bottom while new content arrives, unless the
 * user scrolled up to read; scrolling back to the bottom re-pins it. `version` should
 * change whenever content is added.
 *
 * The pin is written in the next animation frame, just before that frame's own layout,
 * not in the commit: writing scrollTop (and reading scrollHeight) forces a layout, and in
 * the commit that layout ran inside React's task and again after it. Under a flood that
 * forced layout was the largest part of the Diagram's long tasks. Nothing is painted in
 * between, so the view never shows unpinned.
 */
export function useStickToBottom<T extends HTMLElement>(version: unknown) {
  const ref = useRef<T | null>(null);
  const stuck = useRef(true);
  // Where the last pin left the view. Its scroll event comes a frame later, and content that
  // grew meanwhile (a render committed between frames) made the pinned view look scrolled up:
  // the view stopped following by itself. Only a scroll away from there is the reader's.
  const pinnedAt = useRef<number | undefined>(undefined);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (pinnedAt.current !== undefined && Math.abs(el.scrollTop - pinnedAt.current) < 1) return;
    pinnedAt.current = undefined;
    stuck.current = isScrolledToBottom(el);
  }, []);

  useLayoutEffect(() => {
    if (!stuck.current) return;
    const pin = () => {
      const el = ref.current;
      if (!el || !stuck.current) return;
      el.scrollTop = el.scrollHeight;
      pinnedAt.current = el.scrollTop;
    };
    if (typeof requestAnimationFrame !== 'function') return pin();
    const frame = requestAnimationFrame(pin);
    return () => cancelAnimationFrame(frame);
  }, [version]);

  /** Whether the view follows the newest content (the reader has not scrolled up). */
  const isStuck = useCallback(() => stuck.current, []);

  return { ref, onScroll, isStuck };
}

/** Whether a scroll container shows its end, with a few px of slack: fractional scroll positions at some zoom levels never reach the exact bottom. */
export function isScrolledToBottom(el: HTMLElement): boolean {
  return el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
}
