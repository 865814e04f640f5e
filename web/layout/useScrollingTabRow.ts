import { useEffect, type RefObject } from 'react';
import { useResizeEffect } from '../useResizeEffect';
import { cssZoomOf } from './cssZoomOf';

/**
 * The output tabs are one row that scrolls sideways in a narrow pane (wrapped, they took 3–6
 * rows of a presenter's or a learner's screen). This keeps that row usable:
 * - the selected tab is scrolled into view, also when it was chosen by the address
 *   (?panel=debates) or by another panel (Trace → Inspector), or the pane was resized;
 * - `data-more` says which ends hide tabs, so the CSS can fade those edges (a cut-off row
 *   that looks finished hides the tabs past its edge);
 * - a mouse wheel scrolls it: without a sideways wheel, the tabs past the edge were
 *   reachable only by dragging a thin scrollbar.
 */
export function useScrollingTabRow(row: RefObject<HTMLElement | null>, selector: string | undefined): void {
  useResizeEffect(
    row,
    (el) => {
      const tab = selector ? el.querySelector<HTMLElement>(selector) : null;
      if (tab && el.offsetWidth > 0) {
        // Rects are in zoomed pixels, scrollLeft in the row's own: presenter mode zooms the pane.
        const r = el.getBoundingClientRect();
        const zoom = cssZoomOf(el);
        const t = tab.getBoundingClientRect();
        if (t.left < r.left) el.scrollLeft -= (r.left - t.left) / zoom + 16;
        else if (t.right > r.right) el.scrollLeft += (t.right - r.right) / zoom + 16;
      }
      markEnds(el);
    },
    [selector],
  );
  useEffect(() => {
    const el = row.current;
    if (!el) return;
    const onScroll = () => markEnds(el);
    const onWheel = (e: WheelEvent) => {
      if (e.deltaX !== 0 || e.shiftKey || el.scrollWidth <= el.clientWidth) return;
      const before = el.scrollLeft;
      el.scrollLeft += e.deltaY;
      // Taken from the page only while the row moves: at its end the wheel scrolls the page again.
      if (el.scrollLeft !== before) e.preventDefault();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
    };
  }, [row]);
}

/** Sets data-more to "start", "end", "both" or nothing: the ends with tabs scrolled out of view. */
function markEnds(el: HTMLElement): void {
  const start = el.scrollLeft > 1;
  const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
  const more = start && end ? 'both' : start ? 'start' : end ? 'end' : '';
  if ((el.dataset.more ?? '') !== more) {
    if (more) el.dataset.more = more;
    else delete el.dataset.more;
  }
}
