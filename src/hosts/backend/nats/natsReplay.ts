import type { SealedTransmission } from './natsSeal';

/** Transmissions a guard remembers; the oldest is forgotten first. */
const REMEMBERED = 4096;

/**
 * How far a core delivery's receipt may be from its sealed publication time: the server
 * hands a message over at once, and both times are this browser's clock. Beyond it (a
 * captured message replayed later, to a receiver that never saw the original) the seal
 * proves nothing. A client reconnecting after longer re-sends what it buffered: those few
 * then show as not this browser's.
 */
export const CORE_WINDOW_MS = 30_000;

/**
 * How much earlier than its core subscription was made a delivery's stamp may be. The
 * server hands a subscription only publications that reach it after its SUB did, and the
 * SUB left after the subscription was made: a genuine one stamped earlier spent longer than
 * the difference between its client's publish and the server (tabs of one browser share a
 * clock). That is milliseconds, more when a flood backs up the sender's socket or its client
 * re-sends what it buffered while reconnecting; 2 s is as long as the host lets a guest's
 * sends take to reach the server before it reports the call done (settleBuses.ts). Earlier
 * stamps are a replay of a message sent before the subscription existed: a receiver that
 * never got the original has nothing else to tell it by.
 */
export const CORE_START_SLACK_MS = 2_000;

/**
 * How far a JetStream message's stored time (the server's clock) may be from its sealed
 * publication time (this browser's): what the stream keeps is stored as it arrives, however
 * late it is delivered or read, so only the clocks' difference and the trip count. Generous,
 * because a room's server may run on a machine whose clock is off by a minute.
 */
export const STORED_WINDOW_MS = 5 * 60_000;

/**
 * How much longer than the quickest of this browser's messages a stored one may have taken
 * from its publication to the server's store (StoredClock): a send is stored as it reaches
 * the server, within milliseconds, and a topic-log entry 10 ms later (holdNatsSends.ts), or
 * once its stream exists; a send made while the connection is down fails instead of waiting
 * in the client. A replay is stored when the peer re-publishes it.
 */
export const STORED_TRIP_MS = 10_000;

/**
 * The server's clock as this browser's sealed messages show it. Every stored message of this
 * browser took (stored time − stamp) = the clocks' difference + its trip to the server; the
 * least such figure seen so far bounds the difference from above, and a message that took
 * more than STORED_TRIP_MS longer than that was re-published later: a replay, even to a
 * consumer group or log reader that never saw the original (a replay guard only knows what it
 * saw). The difference is learnt, so the server's clock may be off by minutes
 * (STORED_WINDOW_MS); a peer cannot lower the figure, since it can only repeat this
 * browser's stamps, never make a message stored before it was stamped.
 */
export interface StoredClock {
  /** True when a message of this browser stamped `sentAt` (its clock) and stored at `storedAt` (the server's) is no later copy. */
  admits(storedAt: number, sentAt: number): boolean;
}

export function createStoredClock(): StoredClock {
  let least = Infinity;
  return {
    admits(storedAt, sentAt) {
      const took = storedAt - sentAt;
      if (Math.abs(took) > STORED_WINDOW_MS) return false;
      if (took < least) least = took;
      return took <= least + STORED_TRIP_MS;
    },
  };
}

const storedClocks = new WeakMap<object, StoredClock>();

/** The StoredClock of a server connection (stored times are that server's clock). */
export function storedClockOf(link: object): StoredClock {
  let clock = storedClocks.get(link);
  if (clock === undefined) storedClocks.set(link, (clock = createStoredClock()));
  return clock;
}

/**
 * Tells a sealed message this browser sent from a word-for-word replay of it (a peer that
 * captured it re-publishing it, seal and all). Each receiver has its own guard, which admits
 * a transmission once per `place` (a core subscription: the server sends each publication once
 * to each), or, given the stream sequence `seq` (a JetStream consumer or log reader), again
 * under the same sequence only: a redelivery or a re-read of the same stored message stays
 * this browser's, while a replay is stored anew under another sequence. And only near its
 * publication time. Memory is bounded (REMEMBERED).
 */
export interface ReplayGuard {
  /** True when `sealed`, received at `at` (ms, see the windows above), is no replay. */
  fresh(sealed: SealedTransmission, at: number, place: number | string, seq?: number): boolean;
}

export function createReplayGuard(windowMs: number): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    fresh(sealed, at, place, seq) {
      if (Math.abs(at - sealed.sentAt) > windowMs) return false;
      const key = `${place} ${sealed.key}`;
      const before = seen.get(key);
      if (before !== undefined) return seq !== undefined && seq === before;
      seen.set(key, seq ?? -1);
      if (seen.size > REMEMBERED) seen.delete(seen.keys().next().value as string);
      return true;
    },
  };
}

/**
 * The replay check of a core subscription made now, `place` in `guard`: its stamp no more
 * than CORE_START_SLACK_MS before now, and within CORE_WINDOW_MS of its receipt, once.
 */
export function coreReplayCheck(guard: ReplayGuard, place: number): (sealed: SealedTransmission) => boolean {
  const since = Date.now() - CORE_START_SLACK_MS;
  return (sealed) => sealed.sentAt >= since && guard.fresh(sealed, Date.now(), place);
}

/**
 * The replay check of a JetStream message stored at `storedAt` under `seq` and read on the
 * connection `link` (a consumer group's delivery, a log entry): stored no later than this
 * browser's messages are (StoredClock), and new to `guard` or the same stored message again.
 */
export function storedReplayCheck(link: object, guard: ReplayGuard, storedAt: number, seq: number): (sealed: SealedTransmission) => boolean {
  const clock = storedClockOf(link);
  return (sealed) => clock.admits(storedAt, sealed.sentAt) && guard.fresh(sealed, storedAt, '', seq);
}
