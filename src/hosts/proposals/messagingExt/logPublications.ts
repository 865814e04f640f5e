import { markUnsettled } from '../../messaging/createBus';
import { observePublications, type Published } from '../../messaging/messagingExtension';
import { backendOf } from '../../backend/backendOf';
import { appendBatchToLog, groupBy } from './topicLog';

/**
 * How long a worker's sends gather before they are appended to the topic log (ms): a
 * frame, so `consumer.receive` and replays see a send within one frame.
 *
 * Why not at once: an append is an IndexedDB transaction, work on this thread and in the
 * browser process's storage thread. Started right after a burst's first send (as it was),
 * it ran on the two cores exactly while that send crossed the BroadcastChannel to its
 * handler's worker: paced bursts (bench messaging.p50) took 1.3 ms (0.9–1.5) send →
 * deliver with it and 0.5 ms (0.4–0.7) without any log (3 alternating rounds, load 4–5).
 * Gathered, the append overlaps at most one burst of the several in a window, and a flood
 * pays one transaction per window instead of one per append round trip.
 */
export const LOG_WINDOW_MS = 16;

let logging = false;

/**
 * Appends every `producer.send` in this worker to the topic log (see topicLog.ts for why
 * always), then posts a `logged` notice per topic that wakes `consumer.receive` in any
 * worker. Sends are appended together once the oldest waiting one is LOG_WINDOW_MS old
 * (group commit), each topic's entries in this worker's send order, one append at a time.
 * A call's result waits for what is still waiting (settleAllBuses), so a producer that
 * sends and returns is logged completely before its worker may be terminated.
 */
export function enableTopicLog(): void {
  if (logging) return;
  logging = true;
  let pending: Published[] = [];
  // When the oldest pending send came (performance.now()).
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let appending: Promise<void> | undefined;

  const append = async (batch: Published[]): Promise<void> => {
    // One transaction per namespace (a worker normally has one).
    for (const [namespace, items] of groupBy(batch, (p) => p.ctx.config.namespace)) {
      try {
        const last = await appendBatchToLog(namespace, items);
        const busOf = new Map(items.map((p) => [p.topic, p.bus]));
        for (const [topic, offset] of last) {
          const bus = busOf.get(topic) as Published['bus'];
          try {
            bus.post({ type: 'notice', name: 'logged', topic, offset });
          } catch {
            // A closed bus after the guest ended: the entry is logged, nobody here to wake.
          }
        }
      } catch (error) {
        for (const ctx of new Set(items.map((p) => p.ctx))) ctx.log('stderr', `messaging-ext: could not append ${items.length === 1 ? items[0]!.topic : `${items.length} sends`} to the topic log: ${String(error)}\n`);
      }
    }
  };
  const run = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    appending = append(batch).finally(() => {
      appending = undefined;
      schedule();
    });
  };
  // One append at a time: sends made meanwhile wait for the next window.
  const schedule = (): void => {
    if (timer !== undefined || appending !== undefined || pending.length === 0) return;
    timer = setTimeout(run, Math.max(0, firstAt + LOG_WINDOW_MS - performance.now()));
  };
  const writer = {
    /** Appends everything waiting now (no window) and resolves once it is logged. */
    async settle(): Promise<void> {
      while (appending !== undefined || pending.length > 0) {
        if (appending === undefined) run();
        await appending;
      }
    },
  };
  observePublications((published) => {
    // A backend with durable messaging (NATS) keeps the log in its stream: its bus appends
    // there, batched with its sends. Here too the send is logged once, whatever the faults
    // injected on its way to the subscribers did with it.
    if (backendOf(published.ctx).durable) {
      published.bus.appendToLog?.({ type: 'message', envelope: published.envelope, data: published.data });
      return;
    }
    if (pending.length === 0) {
      firstAt = performance.now();
      markUnsettled(writer);
    }
    pending.push(published);
    schedule();
  });
}
