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
  /** A send's topic-log entry: LOG_DELAY_MS later, with the entries held meanwhile (one frame). */
  later(publish: Publish): void;
  /** Publishes everything held, sends first. */
  flush(): void;
  /** Publishes everything held and stops scheduling. */
  close(): void;
}

/** How long a topic-log entry waits for others (see {@link holdNatsSends}). */
export const LOG_DELAY_MS = 10;

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
 * sends' frame, nor follow it at once: they are held LOG_DELAY_MS and go together in a frame
 * of their own, unless MAX_BATCH of them pile up (a flood that never yields) or the run ends
 * first (`flushAllBuses` through markUnflushed). Published in the task after the sends (stop
 * 40), the log frame left while the sends' frame was still on its way to the handler, and its
 * work (encoding in this worker, the socket, the server storing it in the stream) shared the
 * two cores with that frame's: stamps in both workers (bench/natsHops.patch) put the socket →
 * handler-socket leg at 2.1 ms against 0.9–1.0 ms without it, at load ~11.
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
  // Armed by the first entry held, so a burst's entries and those of the bursts after it for
  // LOG_DELAY_MS leave in one frame, after the sends' frames have reached their handlers.
  let logTimer: ReturnType<typeof setTimeout> | undefined;
  const logsLater = {
    schedule(): void {
      logTimer ??= setTimeout(() => {
        logTimer = undefined;
        // Sends held now go first: a log entry never leaves before its send.
        all.flush();
      }, LOG_DELAY_MS);
    },
    close(): void {
      if (logTimer !== undefined) clearTimeout(logTimer);
      logTimer = undefined;
    },
  };
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
        logsLater.schedule();
      } else if (logs.length >= MAX_BATCH) flushLogs();
    },
    flush: all.flush,
    close() {
      all.flush();
      afterTask.close();
      logsLater.close();
      unhookWait();
    },
  };
}
