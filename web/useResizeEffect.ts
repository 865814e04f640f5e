import { useLayoutEffect, type DependencyList, type RefObject } from 'react';

/**
 * Runs `effect` on the element now and again whenever it changes size (a resized pane or
 * window, presenter zoom switched on), until `deps` change. Without ResizeObserver it runs
 * once per `deps` change.
 */
export function useResizeEffect<E extends HTMLElement>(ref: RefObject<E | null>, effect: (el: E) => void, deps: DependencyList): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    effect(el);
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => effect(el));
    observer?.observe(el);
    return () => observer?.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
