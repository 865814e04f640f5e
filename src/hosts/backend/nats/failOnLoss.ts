import type { NatsLink } from './connectNats';

/** Why a call in flight failed when the connection was lost: the server may have done it. */
export const LOST_DURING_CALL = 'the connection was lost during the call; it may or may not have taken effect';

/**
 * `pending`, unless the connection is lost first: then it rejects at once with `why`. A
 * request in flight when the server goes away (a JetStream API call, an ack awaiting its
 * confirmation, a key-value update) otherwise waits in the client's reconnect buffer until its
 * own timeout, and a guest waiting on it hung until its run's time limit stopped it as "an
 * endless loop" (QA, the delivery-guarantees example with the room's server stopped).
 */
export function failOnLoss<T>(link: Pick<NatsLink, 'onDown'>, pending: Promise<T>, why: string): Promise<T> {
  let forget: (() => void) | undefined;
  return new Promise<T>((resolve, reject) => {
    forget = link.onDown(() => reject(new Error(why)));
    pending.then(resolve, reject);
  }).finally(() => forget?.());
}

/**
 * Done when `pending` settles either way, or once the connection is lost: for a wait that
 * is only bookkeeping (a send's topic-log entry waiting for its stream, a flush's PONG, a
 * consumer's creation), which a guest's call or a reported start need not outlast.
 */
export function untilLoss(link: Pick<NatsLink, 'onDown'>, pending: Promise<unknown>): Promise<void> {
  let forget: (() => void) | undefined;
  return new Promise<void>((resolve) => {
    forget = link.onDown(resolve);
    pending.then(() => resolve(), () => resolve());
  }).finally(() => forget?.());
}
