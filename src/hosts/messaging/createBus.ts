import type { Envelope } from './createEnvelope';

/** A published message as it crosses the bus: CloudEvents attributes plus payload bytes. */
export interface BusMessagePacket {
  type: 'message';
  envelope: Envelope;
  data: Uint8Array;
  /**
   * Set by buses that go through a broker (NATS): which one, and when this machine got the
   * message (epoch ms). With the envelope's `time` it gives the broker's delay.
   */
  via?: string;
  receivedAt?: number;
  /** When the broker stored it (JetStream), for the delay of messages without a CloudEvents `time`. */
  storedAt?: number;
}

/**
 * Notice that a work-queue consumer won the IndexedDB claim for a message. Others that
 * have not tried yet skip their (slower) claim transaction; IndexedDB stays the authority.
 */
export interface BusClaimedPacket {
  type: 'claimed';
  id: string;
  group: string;
  by: string;
}

/**
 * Bookkeeping notice of an extension (proposal:messaging-ext: `logged` after a topic-log
 * append, `requeued` after a nack or expired lease). Plain delivery ignores notices.
 */
export interface BusNoticePacket {
  type: 'notice';
  name: string;
  topic?: string;
  group?: string;
  offset?: number;
}

/** Everything posted on `${namespace}:bus`. */
export type BusPacket = BusMessagePacket | BusClaimedPacket | BusNoticePacket;

/** Receives every packet, including ones posted from this same worker. */
export type BusListener = (packet: BusPacket) => void;

/** One BroadcastChannel per namespace, with in-worker delivery added. */
export interface Bus {
  namespace: string;
  post(packet: BusPacket): void;
  /** Adds a listener; returns a function that removes it. */
  listen(listener: BusListener): () => void;
  /** Drops one reference; the channel closes when the last user releases it. */
  release(): void;
  /**
   * Declares interest in topics matching `pattern` (matchTopic syntax), as one member of the
   * work-queue `group` when given. Buses that route by subject (NATS) pass to `listen` only
   * packets of declared patterns, and a group's message to one member across all machines;
   * broadcast buses (BroadcastChannel) omit it and hand every packet to every listener.
   * Returns a function that withdraws the interest.
   */
  subscribe?(pattern: string, group?: string): () => void;
  /**
   * A Promise while posted messages still wait to go out (NATS: the first send to a topic
   * waits for its topic-log stream), else undefined. Producers return it to the guest, so
   * a guest that sends and exits does not lose what it sent.
   */
  settled?(): Promise<void> | undefined;
}

interface OpenBus extends Bus {
  refs: number;
  close(): void;
}

/**
 * Opens a private bus (its own BroadcastChannel). Separate private buses behave like
 * separate workers or tabs, which is what tests use them for.
 */
export function openBus(namespace: string): Bus & { close(): void } {
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
  channel.onmessage = (event: MessageEvent<BusPacket>) => dispatch(event.data);
  let local: BusPacket[] = [];
  const dispatchLocal = (): void => {
    const batch = local;
    local = [];
    for (const packet of batch) if (!closed) dispatch(packet);
  };
  return {
    namespace,
    post(packet) {
      if (closed) throw new Error(`messaging bus "${namespace}" is closed`);
      channel.postMessage(packet);
      // BroadcastChannel never echoes to the posting object, so same-worker listeners get a
      // clone asynchronously — the same timing and isolation as a remote receiver. With no
      // listener here (a producer-only guest) there is nobody to clone for; a burst of
      // posts shares one timer.
      if (listeners.size === 0) return;
      local.push(structuredClone(packet));
      if (local.length === 1) setTimeout(dispatchLocal, 0);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    release() {
      this.close();
    },
    close() {
      if (closed) return;
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
