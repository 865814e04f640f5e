import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * Keeps a scroll container pinned to its bottom while new content arrives, unless the
 * user scrolled up to read; scrolling back to the bottom re-pins it. `version` should
 * change whenever content is added.
 */
export function useStickToBottom<T extends HTMLElement>(version: unknown) {
  const ref = useRef<T | null>(null);
  const stuck = useRef(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    // A few px of slack: fractional scroll positions at some zoom levels never reach exact bottom.
    stuck.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stuck.current) el.scrollTop = el.scrollHeight;
  }, [version]);

  return { ref, onScroll };
}
