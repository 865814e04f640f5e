/**
 * Work a worker does the moment its guest is about to wait for real: a host call answered
 * with a pending Promise (a sleep on a clock pollable, a key-value read, a request waiting
 * for replies). The NATS bus holds the sends of a task after its first one so a burst
 * travels as one WebSocket frame, until the task ends; a guest that sends a burst and then
 * sleeps would otherwise keep its burst's tail back until the end of the task (0.4–0.6 ms
 * on the two-core machine: bench/probeNatsPaced.mjs), though nothing else can join it.
 */
const hooks = new Set<() => void>();

/** Runs `hook` each time a guest of this worker is about to wait; returns its removal. */
export function beforeGuestWaits(hook: () => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Drops every hook: the run worker calls it when it is recycled (the hooks were its run's buses'). */
export function forgetGuestWaitHooks(): void {
  hooks.clear();
}

/** Called by host glue when a guest import answered with a Promise that has not settled. */
export function guestWillWait(): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      // A failing hook must not turn the guest's wait into a trap.
      console.error('a before-wait hook failed', error);
    }
  }
}
