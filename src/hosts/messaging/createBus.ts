import type { Bus, BusListener, BusPacket } from './busTypes';
import { forgetUnflushed, markUnflushed } from './settleBuses';
import { createNextTask } from '../../platform/createNextTask';
import { ownBytes, packBytes } from './packBatchBytes';

// Importers have found the bus's types and the worker's flush/settle functions here.
export type { Bus, BusClaimedPacket, BusListener, BusMessagePacket, BusNoticePacket, BusPacket } from './busTypes';
export { flushAllBuses, markUnflushed, markUnsettled, settleAllBuses } from './settleBuses';

interface OpenBus extends Bus {
  refs: number;
  close(): void;
}

/** A burst of posts is sent as one BroadcastChannel message once it holds this many packets. */
export const MAX_BATCH = 64;
/** …or once its first packet has waited this long (ms), checked at each post. */
export const MAX_BATCH_AGE_MS = 1;

/** Flushes per task made when the posting code yields (microtask checkpoint) before the task's end. */
export const EARLY_FLUSHES = 4;

/**
 * Opens a private bus (its own BroadcastChannel). Separate private buses behave like
 * separate workers or tabs, which is what tests use them for.
 *
 * Posts are coalesced: each BroadcastChannel message costs a round through the browser
 * process, far more than cloning a 32-byte packet (a flooding producer spent most of its
 * time there), so packets posted in one task travel as arrays. The first post of a task
 * goes out at once — a lone send, or the last one before a guest loops until the watchdog
 * stops it, is never held back; the ones after it in the same task (a flooding guest's
 * sends chain through microtasks, so a flood is one task) wait until the burst holds
 * MAX_BATCH packets, its first one is MAX_BATCH_AGE_MS old, or the task ends, whichever is
 * first — or, for the first few bursts of a task, once the posting code yields to a
 * microtask checkpoint (a paced guest suspending to sleep). Order is kept (one queue per bus). Receivers take a packet or an array of
 * packets; a tab of an older build drops the arrays. In an array the small payloads share
 * one buffer (packBytes) and receivers copy each out again (ownBytes).
 */
export function openBus(namespace: string, clock: () => number = () => performance.now()): Bus & { close(): void; flush(): void } {
  const channel = new BroadcastChannel(`${namespace}:bus`);
  const listeners = new Set<BusListener>();
  let closed = false;
  const dispatch = (packet: BusPacket): void => {
    for (const listener of [...listeners]) {
      try {
        listener(packet);
      } catch (error) {
        // One faulty listener must not starve the others.
        console.error('messaging bus listener failed', error);
      }
    }
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    // Other tabs may run another build (or be any script of this origin): a packet that is
    // not even an object is dropped here. A `null` in an array threw in ownBytes, outside
    // any listener's try, and the worker died — every handler serving in it with it.
    if (Array.isArray(data)) for (const packet of data) isPacket(packet) && dispatch(ownBytes(packet));
    else if (isPacket(data)) dispatch(data);
  };
  let local: BusPacket[] = [];
  const dispatchLocal = (): void => {
    const batch = local;
    local = [];
    for (const packet of batch) if (!closed) dispatch(packet);
  };
  // BroadcastChannel never echoes to the posting object, so same-worker listeners get a
  // clone asynchronously — the same timing and isolation as a remote receiver. With no
  // listener here (a producer-only guest) there is nobody to clone for.
  const sendNow = (data: BusPacket | BusPacket[]): void => {
    channel.postMessage(data);
    if (listeners.size === 0) return;
    const copy = structuredClone(data);
    const wasEmpty = local.length === 0;
    if (Array.isArray(copy)) for (const packet of copy) local.push(ownBytes(packet));
    else local.push(copy);
    if (wasEmpty) setTimeout(dispatchLocal, 0);
  };
  let pending: BusPacket[] = [];
  let firstAt = 0;
  // True from a post until the end of its task, which a message to ourselves marks: unlike a
  // zero-delay timer it is not clamped to 4 ms when timers nest (a guest pacing itself with
  // timeouts), which would hold a burst's tail back.
  let inTask = false;
  // Flushes already made at a microtask checkpoint in this task (see post).
  let earlyFlushes = 0;
  let checkpointQueued = false;
  const endOfTask = (): void => {
    inTask = false;
    earlyFlushes = 0;
    handle.flush();
  };
  const afterTask = createNextTask(endOfTask);
  const atCheckpoint = (): void => {
    checkpointQueued = false;
    if (pending.length === 0) return;
    earlyFlushes += 1;
    handle.flush();
  };
  const handle = {
    flush(): void {
      forgetUnflushed(handle);
      if (pending.length === 0 || closed) return;
      const batch = pending;
      pending = [];
      try {
        sendNow(batch.length === 1 ? batch[0]! : packBytes(batch));
      } catch (error) {
        // Packets are plain data (envelope strings and bytes), so this is the channel
        // failing after the send returned: nobody is left to tell but the console.
        console.error(`messaging bus "${namespace}" could not send ${batch.length} packet(s)`, error);
      }
    },
  };
  return {
    namespace,
    post(packet) {
      if (closed) throw new Error(`messaging bus "${namespace}" is closed`);
      if (!inTask) {
        inTask = true;
        afterTask.schedule();
        if (pending.length === 0) {
          sendNow(packet);
          return;
        }
      }
      const now = clock();
      pending.push(packet);
      if (pending.length === 1) {
        firstAt = now;
        markUnflushed(handle);
        // The guest's synchronous run (it never suspends on a BroadcastChannel send) ends at
        // the next microtask checkpoint: when it returns or suspends (a paced guest's sleep).
        // Its burst goes out then, not a task later. A guest that suspends after every send
        // reaches a checkpoint per send: after EARLY_FLUSHES such flushes its burst waits for
        // the task's end again, so it still travels in batches.
        if (!checkpointQueued && earlyFlushes < EARLY_FLUSHES) {
          checkpointQueued = true;
          queueMicrotask(atCheckpoint);
        }
      } else if (pending.length >= MAX_BATCH || now - firstAt >= MAX_BATCH_AGE_MS) handle.flush();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    release() {
      this.close();
    },
    flush: handle.flush,
    close() {
      if (closed) return;
      handle.flush();
      afterTask.close();
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
}

const shared = new Map<string, OpenBus>();

/**
 * The bus of `namespace` shared by every host instance in this worker (one channel, not
 * one per guest). Each call takes a reference; call `release()` when done.
 */
export function createBus(namespace: string): Bus {
  let bus = shared.get(namespace);
  if (bus === undefined) {
    const inner = openBus(namespace);
    const entry: OpenBus = {
      ...inner,
      refs: 0,
      release() {
        entry.refs -= 1;
        if (entry.refs <= 0) entry.close();
      },
      close() {
        shared.delete(namespace);
        inner.close();
      },
    };
    bus = entry;
    shared.set(namespace, bus);
  }
  bus.refs += 1;
  return bus;
}

/** Closes every shared bus; the run worker calls this when its guest ends. */
export function closeAllBuses(): void {
  for (const bus of [...shared.values()]) bus.close();
}

/** Whether `value` can be a packet at all; listeners check the fields of its type. */
function isPacket(value: unknown): value is BusPacket {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
