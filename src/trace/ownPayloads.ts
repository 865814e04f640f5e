import { ownedBytes } from '../platform/ownedBytes';
import type { TraceEvent } from './traceEvent';

/**
 * The events as they should cross to another tab: a message whose payload is a view into a
 * larger buffer (decodeTraceBatch hands out views of its batch's bytes) goes as a shallow
 * copy with the payload in a buffer of its own. A structured clone copies a view's whole
 * buffer, so the other tab would receive, and then keep alive, every payload of the batch.
 * Events are never changed, so the originals stay as they are.
 */
export function ownPayloads(events: TraceEvent[]): TraceEvent[] {
  return events.map((e) => {
    if (e.kind !== 'message' || !(e.data instanceof Uint8Array)) return e;
    const data = ownedBytes(e.data);
    return data === e.data ? e : { ...e, data };
  });
}
