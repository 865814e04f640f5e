/** Runs a callback in a fresh task; see {@link createNextTask}. */
export interface NextTask {
  /** Queues one run of the callback after whatever is already queued. */
  schedule(): void;
  /** Releases the channel (a later `schedule` makes a new one). */
  close(): void;
}

/**
 * Schedules `run` in a fresh task, after whatever is already queued (input, frames, worker
 * messages). A MessageChannel, because a zero-delay timer is clamped to 4 ms once timers nest
 * (a guest pacing itself with timeouts, an ingest slicing its work); a timer only where
 * MessageChannel does not exist. The channel is made on first use and never keeps a Node
 * process (unit tests) alive.
 */
export function createNextTask(run: () => void): NextTask {
  if (typeof MessageChannel === 'undefined') return { schedule: () => void setTimeout(run, 0), close: () => undefined };
  let channel: MessageChannel | undefined;
  return {
    schedule() {
      if (channel === undefined) {
        channel = new MessageChannel();
        channel.port1.onmessage = run;
        // Node keeps the process alive for an open port; browsers have no unref.
        (channel.port1 as unknown as { unref?: () => void }).unref?.();
      }
      channel.port2.postMessage(null);
    },
    close() {
      channel?.port1.close();
      channel = undefined;
    },
  };
}
