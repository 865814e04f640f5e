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
  /** It came through the broker with this browser's seal (natsSeal.ts): one of this browser's tabs sent it. */
  fromThisBrowser?: boolean;
  /**
   * It carried this browser's seal, but repeated a transmission this receiver already had,
   * or came too long after its stamp: a peer re-published it word for word (natsReplay.ts).
   */
  replayed?: boolean;
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
   * True when the bus itself hands each message of a work-queue group to one member (NATS
   * queue groups): the member that gets it handles it, with no claim. A broadcast bus hands
   * it to every member, which then claim it (claimMessage).
   */
  readonly routesGroups?: boolean;
  /**
   * A Promise while posted messages still wait to go out (NATS: the first send to a topic
   * waits for its topic-log stream), else undefined. Producers return it to the guest, so a guest that sends and exits does not
   * lose what it sent.
   */
  settled?(): Promise<void> | undefined;
  /**
   * Where the backend keeps the topic logs itself (NATS: the namespace's JetStream stream),
   * appends one `producer.send` to the log of its topic. Called once per send, beside `post`
   * and not through it: injected network faults wrap `post` only, so the log holds each send
   * once, in send order, as the browser's IndexedDB log (topicLog.ts, which omits this) does.
   */
  appendToLog?(packet: BusMessagePacket): void;
  /**
   * Where the bus can lose its connection (NATS): calls `listener` once when it is lost (on
   * the next microtask if it is down now), with words naming what was lost; the returned
   * function forgets it. A call waiting
   * for messages (request, receive) then fails with the connection error at once: the
   * messages it waits for cannot come meanwhile, and waiting out its timeout told the guest
   * "timeout", or hung until the time limit with no timeout. Buses that cannot lose a
   * connection (BroadcastChannel) omit it.
   */
  onLost?(listener: (why: string) => void): () => void;
}
