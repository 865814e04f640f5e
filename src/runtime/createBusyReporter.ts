/** How often a run of back-to-back calls re-arms the watchdog, in ms. */
export const REARM_MS = 50;

/** How long the guest must stay without calls before `idle` is posted, in ms (see below). */
export const IDLE_AFTER_MS = 10;

/**
 * Tells the main thread's watchdog when guest code runs, without a busy/idle message pair
 * per call: a flood of 100,000 handler calls would otherwise be 200,000 posts and as many
 * timer resets on the main thread. `enter` posts `busy` when the guest was idle or the last
 * `busy` is REARM_MS old; `exit` posts `idle` once no call has started for IDLE_AFTER_MS
 * (back-to-back deliveries chain through microtasks, so they never look idle, and paced
 * bursts a few ms apart — a handler fed 4 messages every 2 ms — stay one busy period instead
 * of a busy/idle pair per burst, each of which woke the page and flipped the run's state).
 * The quiet wait is only taken while the last `busy` is recent enough that `idle` still
 * arrives within REARM_MS of it; otherwise `idle` goes at the next task as before. So a
 * call that returns is answered with `idle` at most REARM_MS after the watchdog was armed
 * (time limits start at 100 ms), and a loop still cannot hide behind earlier calls: the
 * watchdog arms on each `busy` and a running call never re-arms, so a single stuck call is
 * stopped after at least `limit − REARM_MS` and at most `limit`.
 */
export function createBusyReporter(post: (msg: { type: 'busy'; what: string } | { type: 'idle' }) => void, clock: () => number = () => performance.now()) {
  let depth = 0;
  let armed = false;
  let lastBusy = 0;
  // A call entered since the idle check was scheduled: the quiet period starts again.
  let touched = false;
  let idleCheck: ReturnType<typeof setTimeout> | undefined;
  const quietDelay = (): number => (clock() - lastBusy + 2 * IDLE_AFTER_MS <= REARM_MS ? IDLE_AFTER_MS : 0);
  const check = (): void => {
    idleCheck = undefined;
    if (depth > 0 || !armed) return;
    if (touched) {
      touched = false;
      const delay = quietDelay();
      if (delay > 0) {
        idleCheck = setTimeout(check, delay);
        return;
      }
    }
    armed = false;
    post({ type: 'idle' });
  };
  return {
    enter(what: string): void {
      depth += 1;
      touched = true;
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
      touched = false;
      idleCheck = setTimeout(check, quietDelay());
    },
  };
}
