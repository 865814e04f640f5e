import { startTransition, useEffect, useState } from 'react';
import type { TraceStore } from '../../src/index';

/** Least time between two renders of the Trace table while events keep arriving. */
export const TRACE_RENDER_MS = 100;

const versionOf = (store: TraceStore) => `${store.events.total}:${store.events.size}`;

/**
 * The trace store's version (`total:size`) for the Trace table, changed at most every
 * TRACE_RENDER_MS while events keep coming (the first change after a quiet spell shows at
 * once), as a transition so React renders it in slices that yield to input. Under a flood
 * every frame replaced the table's rows (dozens of new events a frame), faster than anyone
 * reads them: main-thread work for nothing, as the Console found before (CONSOLE_RENDER_MS).
 */
export function useThrottledTraceVersion(store: TraceStore, minMs = TRACE_RENDER_MS): string {
  const [version, setVersion] = useState(() => versionOf(store));
  useEffect(() => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      last = performance.now();
      const next = versionOf(store);
      startTransition(() => setVersion(next));
    };
    // The store may have changed between the first render and this subscription.
    show();
    const off = store.subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + minMs - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, minMs]);
  return version;
}
