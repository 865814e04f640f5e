import { createNextTask } from '../../../platform/createNextTask';
import { beforeGuestWaits } from '../../../platform/beforeGuestWaits';
import { MAX_BATCH, MAX_BATCH_AGE_MS } from '../../messaging/createBus';
import { markUnflushed } from '../../messaging/settleBuses';

/** A publication made later: the client's `publish` call of one send or log entry. */
type Publish = () => void;

/**
 * When a NATS bus's publications are handed to the client (see {@link holdNatsSends}).
 * Every method takes the publication as a closure, so nothing is encoded while it waits.
 */
export interface NatsSendHold {
  /** A plain send: at once when it starts a task, else in the task's batch. */
  send(publish: Publish): void;
  /** A request or reply: after the held sends (send order), at once. */
  now(publish: Publish): void;
  /** A send's topic-log entry: in a later task, after the sends' frame has left. */
  later(publish: Publish): void;
  /** Publishes everything held, sends first. */
  flush(): void;
  /** Publishes everything held and stops scheduling. */
  close(): void;
}

/**
 * Batching, as the browser bus does (createBus.ts). Every JSPI import suspends the guest in
 * Chromium, even one answered with a plain value (bench/probeJspiSuspend.mjs), and the
 * client writes its buffer in the microtask that runs then: publishing each send at once
 * was a WebSocket frame per message. Sends wait here until MAX_BATCH wait, the oldest is
 * MAX_BATCH_AGE_MS old, the guest waits for something, or the task ends, and are then
 * published together (one frame).
 *
 * The first send of a task is published at once, unless the task before sent more than
 * one: a guest that sends bursts (a paced producer) then holds its whole burst, and the
 * burst leaves in one frame when the guest waits. Publishing the first at once cost the
 * rest of the burst the client writing that first frame (~0.1 ms in the microtask of
 * the first send's suspension, stamped in the worker) before the guest could send again:
 * abEngine 5 nats, nats.p50 1.93 → 1.73. A guest that sends one message per task still has
 * each leave at once; only right after a burst is a first send held, and then it leaves
 * when the guest waits or its task ends (lost only if the guest never yields again and the
 * watchdog stops it, as the second send of any burst always could be).
 *
 * Topic-log entries (natsBus `appendToLog`) are nobody's wait, so they need not ride in the
 * sends' frame: they go in a task of their own after it, unless MAX_BATCH of them pile up (a
 * flood that never yields) or the run ends first (`flushAllBuses` through markUnflushed).
 * That keeps their encoding off the path between a send and its frame, though the A/B of the
 * change measured no difference in `nats.p50` (guest 1.43 ms both; bench/HISTORY.md, stop 40).
 */
export function holdNatsSends(): NatsSendHold {
  let sends: Publish[] = [];
  let sendsSince = 0;
  let logs: Publish[] = [];
  // Sends of the current task (0: none yet, so the next one starts a task).
  let sendsInTask = 0;
  let lastTaskSentBurst = false;
  const publishAll = (publishes: Publish[]): void => {
    for (const publish of publishes) publish();
  };
  const flushSends = (): void => {
    if (sends.length === 0) return;
    const held = sends;
    sends = [];
    publishAll(held);
  };
  const flushLogs = (): void => {
    if (logs.length === 0) return;
    const held = logs;
    logs = [];
    publishAll(held);
  };
  const all = {
    flush(): void {
      flushSends();
      flushLogs();
    },
  };
  const afterTask = createNextTask(() => {
    lastTaskSentBurst = sendsInTask > 1;
    sendsInTask = 0;
    flushSends();
  });
  // Scheduled by the first entry after afterTask's (if any), so it runs after the sends left.
  const afterSends = createNextTask(flushLogs);
  // Nothing joins a burst while its guest waits (a paced producer sleeping after it): the
  // held sends go then, not at the end of the task (measured 0.4–0.6 ms later).
  const unhookWait = beforeGuestWaits(flushSends);
  const hold = (publish: Publish): void => {
    const now = performance.now();
    sends.push(publish);
    if (sends.length === 1) {
      sendsSince = now;
      markUnflushed(all);
    } else if (sends.length >= MAX_BATCH || now - sendsSince >= MAX_BATCH_AGE_MS) flushSends();
  };
  return {
    send(publish) {
      sendsInTask += 1;
      if (sendsInTask === 1) {
        afterTask.schedule();
        if (sends.length === 0 && !lastTaskSentBurst) return publish();
      }
      hold(publish);
    },
    now(publish) {
      flushSends();
      publish();
    },
    later(publish) {
      logs.push(publish);
      if (logs.length === 1) {
        markUnflushed(all);
        afterSends.schedule();
      } else if (logs.length >= MAX_BATCH) flushLogs();
    },
    flush: all.flush,
    close() {
      all.flush();
      afterTask.close();
      afterSends.close();
      unhookWait();
    },
  };
}
