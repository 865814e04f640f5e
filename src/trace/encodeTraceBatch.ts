import type { HostCallEvent, LifecycleEvent, MessageEvent_ } from './traceEvent';
import {
  CALL_EXPORT, CALL_HAS_CALL_ID, CALL_HAS_RESULT, CALL_HAS_SERVED_BY, CALL_HAS_TARGET, CALL_OK, CALL_PENDING, CALL_RAW_ARGS, CALL_RAW_RESULT,
  KIND_CALL, KIND_LIFECYCLE, KIND_MESSAGE, LIFE_HAS_DETAIL, LIFE_HAS_MS,
  MSG_DATA_IN_SLOT, MSG_HAS_FAULT, MSG_HAS_REASON, MSG_HAS_TO, MSG_HAS_TRANSIT, MSG_SAME_AS, type TraceBatch,
  VALUE_ARRAY, VALUE_BYTES, VALUE_NUMBER, VALUE_OBJECT, VALUE_RESOURCE,
} from './traceBatch';
import { BYTES_HEAD, PREVIEW_ITEMS, PREVIEW_MAX_DEPTH, previewString, resourceIdOf, resourceNameOf } from '../runtime/renderValue';

/**
 * Marks of a call whose `args` / `result` are the host's values as they are, not yet
 * rendered: the writer encodes them and the page renders them (renderValue's output). Why:
 * rendering a replay's results to preview objects in the run worker, and cloning those
 * objects to the page, cost more per message than the host calls themselves.
 */
export interface RawValueMarks {
  argsRaw?: true;
  resultRaw?: true;
}

type Input<T> = Omit<T, 'id' | 'guest' | 'tab' | 'at'> & { at?: number };

/** A trace event as producers hand it over: the writer supplies id, guest and tab; `at` defaults to now. */
export type TraceEventInput = (Input<HostCallEvent> & RawValueMarks) | Input<MessageEvent_> | Input<LifecycleEvent>;

/** Builds one {@link TraceBatch} event by event; `take` hands it over and starts the next. */
export interface TraceBatchWriter {
  /** Events written since the last take. */
  readonly size: number;
  write(event: TraceEventInput): void;
  take(): TraceBatch;
}

// Constant for the worker's life; reading it per event showed in profiles.
const timeOrigin = typeof performance === 'undefined' ? 0 : performance.timeOrigin;

/**
 * A writer for `guest`'s events with ids `${idPrefix}${n}`, n counting from 0 across
 * batches. Writing an event copies its fields into columns at once (the producer may reuse
 * its objects), so nothing of the event object is kept.
 */
export function createTraceBatchWriter(guest: string, idPrefix: string): TraceBatchWriter {
  let next = 0;
  let first = 0;
  // Columns of the batch being written, grown by doubling; a batch rarely outgrows the first.
  let size = 0;
  let kinds = new Uint8Array(256);
  let at = new Float64Array(256);
  let strings: string[] = [];
  let index = new Map<string, number>();
  let slots: unknown[] = [];
  let bytes = new Uint8Array(4096);
  let used = 0;
  const str = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const addBytes = (data: Uint8Array): void => {
    if (used + data.length > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, used + data.length));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    // A typed-array copy is a call into the engine; short payloads are copied faster here.
    if (data.length <= 64) for (let i = 0; i < data.length; i++) bytes[used + i] = data[i];
    else bytes.set(data, used);
    used += data.length;
  };
  // renderValue's walk, writing what the page needs to render the same preview (decodeTraceBatch).
  const writeValue = (value: unknown, depth: number): void => {
    if (value === undefined || value === null) slots.push(null);
    else if (typeof value === 'boolean' || typeof value === 'bigint') slots.push(value);
    else if (typeof value === 'string') slots.push(previewString(value));
    else if (typeof value === 'number') slots.push(VALUE_NUMBER, value);
    else if (value instanceof Uint8Array) {
      slots.push(VALUE_BYTES, value.length);
      addBytes(value.length > BYTES_HEAD ? value.subarray(0, BYTES_HEAD) : value);
    } else if (depth > PREVIEW_MAX_DEPTH) slots.push('…');
    else if (Array.isArray(value)) {
      slots.push(VALUE_ARRAY, value.length);
      const shown = Math.min(value.length, PREVIEW_ITEMS);
      for (let i = 0; i < shown; i++) writeValue(value[i], depth + 1);
    } else if (typeof value === 'function') slots.push(`<fn ${value.name}>`);
    else if (typeof value === 'object') {
      const name = resourceNameOf(value);
      if (name !== undefined) slots.push(VALUE_RESOURCE, str(name), resourceIdOf(value));
      else {
        const keys = Object.keys(value);
        slots.push(VALUE_OBJECT, keys.length);
        for (const key of keys) {
          slots.push(str(key));
          writeValue((value as Record<string, unknown>)[key], depth + 1);
        }
      }
    } else slots.push(String(value));
  };
  const writeCall = (e: Extract<TraceEventInput, { kind: 'call' }>): void => {
    const hasResult = 'result' in e;
    const target = e.target;
    const flags =
      (e.ok ? CALL_OK : 0) | (e.dir === 'export' ? CALL_EXPORT : 0) | (e.pending ? CALL_PENDING : 0) | (hasResult ? CALL_HAS_RESULT : 0) |
      (target ? CALL_HAS_TARGET : 0) | (e.servedBy !== undefined ? CALL_HAS_SERVED_BY : 0) | (e.callId !== undefined ? CALL_HAS_CALL_ID : 0) |
      (e.argsRaw ? CALL_RAW_ARGS : 0) | (e.resultRaw && hasResult ? CALL_RAW_RESULT : 0);
    slots.push(flags, str(e.iface), str(e.fn));
    if (e.argsRaw) {
      slots.push(e.args.length);
      for (let i = 0; i < e.args.length; i++) writeValue(e.args[i], 0);
    } else slots.push(e.args);
    slots.push(e.ms);
    if (hasResult) {
      if (e.resultRaw) writeValue(e.result, 0);
      else slots.push(e.result);
    }
    if (target) slots.push(str(target.type), str(target.name));
    if (e.servedBy !== undefined) slots.push(str(e.servedBy));
    if (e.callId !== undefined) slots.push(e.callId);
  };
  // The last message event of the batch: a delivery's deliver and ack share envelope and payload.
  let lastEnvelope: unknown;
  let lastData: unknown;
  let lastAt = -1;
  const writeMessage = (e: Extract<TraceEventInput, { kind: 'message' }>, i: number): void => {
    const same = e.envelope === lastEnvelope && e.data === lastData && lastAt >= 0;
    const dataInSlot = !same && !(e.data instanceof Uint8Array);
    const flags = (e.to !== undefined ? MSG_HAS_TO : 0) | (e.transit !== undefined ? MSG_HAS_TRANSIT : 0) | (e.fault !== undefined ? MSG_HAS_FAULT : 0) | (dataInSlot ? MSG_DATA_IN_SLOT : 0) | (same ? MSG_SAME_AS : 0) | (e.reason !== undefined ? MSG_HAS_REASON : 0);
    slots.push(flags, str(e.action), str(e.topic));
    if (same) slots.push(lastAt);
    else writeContent(e, dataInSlot);
    lastEnvelope = e.envelope;
    lastData = e.data;
    lastAt = i;
    if (e.to !== undefined) slots.push(str(e.to));
    if (e.transit !== undefined) slots.push(e.transit);
    if (e.fault !== undefined) slots.push(e.fault);
    if (e.reason !== undefined) slots.push(str(e.reason));
  };
  const writeContent = (e: Extract<TraceEventInput, { kind: 'message' }>, dataInSlot: boolean): void => {
    // Envelope keys repeat in every message: indices. So do most values (source, type,
    // specversion, subject): indices too, as numbers; ids and times do not and go as they are.
    // A value that is not a string (never from this playground) goes boxed in an array.
    const countAt = slots.length;
    slots.push(0);
    let count = 0;
    const envelope = e.envelope as Record<string, unknown>;
    for (const key in envelope) {
      const value = envelope[key];
      slots.push(str(key), typeof value !== 'string' ? [value] : key === 'id' || key === 'time' ? value : str(value));
      count++;
    }
    slots[countAt] = count;
    if (dataInSlot) slots.push(e.data);
    else {
      slots.push(e.data.length);
      addBytes(e.data);
    }
  };
  const writeLifecycle = (e: Extract<TraceEventInput, { kind: 'lifecycle' }>): void => {
    const flags = (e.detail !== undefined ? LIFE_HAS_DETAIL : 0) | (e.ms !== undefined ? LIFE_HAS_MS : 0);
    slots.push(flags, str(e.phase));
    if (e.detail !== undefined) slots.push(e.detail);
    if (e.ms !== undefined) slots.push(e.ms);
  };
  return {
    get size() {
      return size;
    },
    write(event) {
      if (size === kinds.length) {
        const k = new Uint8Array(size * 2);
        k.set(kinds);
        kinds = k;
        const a = new Float64Array(size * 2);
        a.set(at);
        at = a;
      }
      const i = size++;
      next++;
      at[i] = event.at ?? timeOrigin + performance.now();
      if (event.kind === 'call') {
        kinds[i] = KIND_CALL;
        writeCall(event);
      } else if (event.kind === 'message') {
        kinds[i] = KIND_MESSAGE;
        writeMessage(event, i);
      } else {
        kinds[i] = KIND_LIFECYCLE;
        writeLifecycle(event);
      }
    },
    take() {
      const batch: TraceBatch = { guest, idPrefix, first, kinds: kinds.slice(0, size), at: at.slice(0, size), strings, slots, bytes: bytes.slice(0, used) };
      first = next;
      size = 0;
      strings = [];
      index = new Map();
      slots = [];
      used = 0;
      lastEnvelope = lastData = undefined;
      lastAt = -1;
      return batch;
    },
  };
}
