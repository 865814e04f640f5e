import type { NatsLink } from './connectNats';

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
 * `pending`, or done (undefined) once the connection is lost: for a wait that is only
 * bookkeeping (a send's topic-log entry waiting for its stream), which the guest's call
 * need not outlast.
 */
export function untilLoss(link: Pick<NatsLink, 'onDown'>, pending: Promise<unknown>): Promise<void> {
  let forget: (() => void) | undefined;
  return new Promise<void>((resolve) => {
    forget = link.onDown(resolve);
    pending.then(() => resolve(), () => resolve());
  }).finally(() => forget?.());
}
