import type { HostCallEvent, LifecycleEvent, MessageEvent_, TraceEvent } from './traceEvent';
import {
  CALL_EXPORT, CALL_HAS_CALL_ID, CALL_HAS_RESULT, CALL_HAS_SERVED_BY, CALL_HAS_TARGET, CALL_OK, CALL_PENDING, CALL_RAW_ARGS, CALL_RAW_RESULT,
  KIND_CALL, KIND_LIFECYCLE, KIND_MESSAGE, LIFE_HAS_DETAIL, LIFE_HAS_MS,
  MSG_DATA_IN_SLOT, MSG_HAS_FAULT, MSG_HAS_REASON, MSG_HAS_TO, MSG_HAS_TRANSIT, MSG_SAME_AS, type TraceBatch,
  VALUE_ARRAY, VALUE_BYTES, VALUE_NUMBER, VALUE_OBJECT, VALUE_RESOURCE,
} from './traceBatch';
import { BYTES_HEAD, moreItems, PREVIEW_ITEMS, renderBytesHead } from '../runtime/renderValue';

/** Checks the columns of a received batch before decoding; null when they fit together. */
export function checkTraceBatch(b: TraceBatch): string | null {
  if (!(b.kinds instanceof Uint8Array) || !(b.at instanceof Float64Array) || !(b.bytes instanceof Uint8Array)) return 'trace batch columns have the wrong types';
  if (!Array.isArray(b.strings) || !Array.isArray(b.slots)) return 'trace batch strings/slots must be arrays';
  if (b.at.length !== b.kinds.length) return 'trace batch has a timestamp count unlike its event count';
  return null;
}

/**
 * Turns a batch from the run worker back into the TraceEvent objects it was written from
 * (encodeTraceBatch), with `tab` empty (the trace store stamps it). Each message's payload
 * is a view of the batch's `bytes`, not a copy: a copy was one ArrayBuffer per message, under
 * a flood the page's largest allocation per event after the event itself (microbenchmark of
 * 100,000 flood-like events decoded into the store: ~17% less CPU with views). The trace
 * store copies payloads it sends to other tabs (createTraceStore's flush), so a view never
 * carries its batch's other payloads along. Throws on a malformed batch.
 */
export function decodeTraceBatch(b: TraceBatch): TraceEvent[] {
  const problem = checkTraceBatch(b);
  if (problem) throw new Error(problem);
  const { guest, idPrefix, first, kinds, at, strings, slots, bytes } = b;
  const out: TraceEvent[] = new Array(kinds.length);
  let s = 0;
  let offset = 0;
  const str = (): string => {
    const i = slots[s++];
    if (typeof i !== 'number' || i < 0 || i >= strings.length) throw new Error(`trace batch refers to string ${String(i)} of ${strings.length}`);
    return strings[i];
  };
  const num = (): number => {
    const n = slots[s++];
    if (typeof n !== 'number') throw new Error('trace batch has a non-number where a number belongs');
    return n;
  };
  const take = (length: number): number => {
    if (offset + length > bytes.length) throw new Error('trace batch payloads overrun its bytes');
    offset += length;
    return offset - length;
  };
  // A host value the worker encoded instead of rendering (encodeTraceBatch's writeValue): the preview renderValue makes.
  const value = (): unknown => {
    const v = slots[s++];
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'number') return v;
    if (v === VALUE_NUMBER) return num();
    if (v === VALUE_BYTES) {
      const length = num();
      const head = Math.min(length, BYTES_HEAD);
      const at = take(head);
      return renderBytesHead(bytes.subarray(at, at + head), length);
    }
    if (v === VALUE_ARRAY) {
      const length = num();
      const items: unknown[] = [];
      for (let i = 0; i < length && i < PREVIEW_ITEMS; i++) items.push(value());
      if (length > PREVIEW_ITEMS) items.push(moreItems(length));
      return items;
    }
    if (v === VALUE_RESOURCE) return `<${str()}#${num()}>`;
    if (v === VALUE_OBJECT) {
      const count = num();
      const out: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const key = str();
        out[key] = value();
      }
      return out;
    }
    throw new Error(`trace batch has a value of unknown tag ${v}`);
  };
  const values = (): unknown[] => {
    const count = num();
    const out: unknown[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = value();
    return out;
  };
  for (let k = 0; k < kinds.length; k++) {
    const id = idPrefix + (first + k);
    const kind = kinds[k];
    const flags = num();
    if (kind === KIND_CALL) {
      const e: HostCallEvent = { kind: 'call', id, guest, tab: '', at: at[k], dir: flags & CALL_EXPORT ? 'export' : 'import', iface: str(), fn: str(), args: flags & CALL_RAW_ARGS ? values() : (slots[s++] as unknown[]), ok: (flags & CALL_OK) !== 0, ms: num() };
      if (flags & CALL_HAS_RESULT) e.result = flags & CALL_RAW_RESULT ? value() : slots[s++];
      if (flags & CALL_HAS_TARGET) e.target = { type: str() as 'store' | 'topic' | 'container', name: str() };
      if (flags & CALL_HAS_SERVED_BY) e.servedBy = str();
      if (flags & CALL_HAS_CALL_ID) e.callId = slots[s++] as string;
      if (flags & CALL_PENDING) e.pending = true;
      out[k] = e;
    } else if (kind === KIND_MESSAGE) {
      const action = str() as MessageEvent_['action'];
      const topic = str();
      let envelope: Record<string, unknown>;
      let data: Uint8Array;
      if (flags & MSG_SAME_AS) {
        // Shared with that event, as they were in the worker: events are never changed.
        const earlier = out[num()];
        if (earlier?.kind !== 'message') throw new Error('trace batch refers to a message event it does not hold');
        envelope = earlier.envelope;
        data = earlier.data;
      } else {
        envelope = {};
        const count = num();
        for (let i = 0; i < count; i++) {
          const key = str();
          // A number is a string of the batch (encodeTraceBatch), an array a boxed non-string.
          const value = slots[s];
          envelope[key] = typeof value === 'number' ? str() : (s++, Array.isArray(value) ? value[0] : value);
        }
        if (flags & MSG_DATA_IN_SLOT) data = slots[s++] as Uint8Array;
        else {
          const length = num();
          const from = take(length);
          data = bytes.subarray(from, from + length);
        }
      }
      const e: MessageEvent_ = { kind: 'message', id, guest, tab: '', at: at[k], action, topic, envelope, data };
      if (flags & MSG_HAS_TO) e.to = str();
      if (flags & MSG_HAS_TRANSIT) e.transit = slots[s++] as MessageEvent_['transit'];
      if (flags & MSG_HAS_FAULT) e.fault = slots[s++] as string;
      if (flags & MSG_HAS_REASON) e.reason = str();
      out[k] = e;
    } else if (kind === KIND_LIFECYCLE) {
      const e: LifecycleEvent = { kind: 'lifecycle', id, guest, tab: '', at: at[k], phase: str() as LifecycleEvent['phase'] };
      if (flags & LIFE_HAS_DETAIL) e.detail = slots[s++] as string;
      if (flags & LIFE_HAS_MS) e.ms = num();
      out[k] = e;
    } else throw new Error(`trace batch has an event of unknown kind ${kind}`);
  }
  if (s !== slots.length) throw new Error('trace batch has slots left over after its events');
  return out;
}
