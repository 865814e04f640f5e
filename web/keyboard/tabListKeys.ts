import type { KeyboardEvent } from 'react';

/**
 * Arrow-key navigation for a `role="tablist"` (WAI-ARIA tabs, automatic activation):
 * Left/Right move to the previous/next tab (wrapping), Home/End to the first/last; the new
 * tab is selected and focused. Returns the handler for the tablist's onKeyDown.
 */
export function tabListKeys(ids: readonly string[], active: string, onSelect: (id: string) => void, tabElementId: (id: string) => string) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || ids.length === 0) return;
    const at = Math.max(0, ids.indexOf(active));
    const next = nextIndex(e.key, at, ids.length);
    if (next === undefined) return;
    e.preventDefault();
    const id = ids[next]!;
    onSelect(id);
    document.getElementById(tabElementId(id))?.focus();
  };
}

/** The tab index a key moves to, or undefined for keys tabs don't handle. */
export function nextIndex(key: string, at: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count;
    case 'ArrowLeft':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
