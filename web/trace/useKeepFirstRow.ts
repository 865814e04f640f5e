import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Keeps the row a reader scrolled up to at the top of a virtualized table whose rows change
 * height: the Trace goes to two lines per event (and back) when its pane narrows or widens,
 * or when a new event's longer name no longer fits beside args → result. The scroll position
 * stayed in pixels, so the reader of row 100 suddenly looked at row 57 (22 → 38 px rows). The
 * position is scaled by the new height, in the commit, before anything is painted. A view that
 * follows the newest rows (`isStuck`) is left to its pin.
 */
export function useKeepFirstRow(ref: RefObject<HTMLElement | null>, rowHeight: number, isStuck: () => boolean, onMoved: (scrollTop: number) => void): void {
  const shown = useRef(rowHeight);
  useLayoutEffect(() => {
    const was = shown.current;
    shown.current = rowHeight;
    const el = ref.current;
    if (!el || was === rowHeight || isStuck()) return;
    // The sticky head sits above the rows, so the row under it is scrollTop / height exactly.
    el.scrollTop = (el.scrollTop / was) * rowHeight;
    onMoved(el.scrollTop);
  }, [ref, rowHeight, isStuck, onMoved]);
}
