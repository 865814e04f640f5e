/**
 * Teardown a run worker does when it hands a stopped serving guest's worker on
 * (runWorker.ts `recycle`) instead of terminating it. A terminated worker loses its
 * subscriptions, timers and lease heartbeats with it; a recycled one must end them itself,
 * or a lease would be renewed for a handler that no longer exists and its message never
 * redelivered. Hosts that drive guest exports register what stops their delivery.
 */
const teardowns = new Set<() => void>();

/** Runs `teardown` when this worker's current run is dropped; returns its removal. */
export function atRunEnd(teardown: () => void): () => void {
  teardowns.add(teardown);
  return () => teardowns.delete(teardown);
}

/** Runs and forgets every registered teardown; a failing one does not keep the others from running. */
export function endRun(): void {
  const all = [...teardowns];
  teardowns.clear();
  for (const teardown of all) {
    try {
      teardown();
    } catch (error) {
      console.error('a run teardown failed', error);
    }
  }
}
