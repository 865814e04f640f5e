/** How often a run of back-to-back calls re-arms the watchdog, in ms. */
export const REARM_MS = 50;

/**
 * Tells the main thread's watchdog when guest code runs, without a busy/idle message pair
 * per call: a flood of 100,000 handler calls would otherwise be 200,000 posts and as many
 * timer resets on the main thread. `enter` posts `busy` when the guest was idle or the last
 * `busy` is REARM_MS old; `exit` posts `idle` only once no call has started again by the
 * next task (back-to-back deliveries chain through microtasks, so they never look idle).
 * The watchdog arms on each `busy`, so a single call stuck in a loop is stopped after at
 * least `limit − REARM_MS` and at most `limit` — a loop cannot hide behind earlier calls,
 * because a call that is still running never re-arms.
 */
export function createBusyReporter(post: (msg: { type: 'busy'; what: string } | { type: 'idle' }) => void, clock: () => number = () => performance.now()) {
  let depth = 0;
  let armed = false;
  let lastBusy = 0;
  let idleCheck: ReturnType<typeof setTimeout> | undefined;
  return {
    enter(what: string): void {
      depth += 1;
      const now = clock();
      if (!armed || now - lastBusy >= REARM_MS) {
        armed = true;
        lastBusy = now;
        post({ type: 'busy', what });
      }
    },
    exit(): void {
      depth -= 1;
      if (depth > 0 || idleCheck !== undefined) return;
      idleCheck = setTimeout(() => {
        idleCheck = undefined;
        if (depth > 0 || !armed) return;
        armed = false;
        post({ type: 'idle' });
      }, 0);
    },
  };
}
