/**
 * The worker → page wire format of trace events: one batch of up to a few hundred events as
 * columns instead of an array of event objects. Why: a structured clone writes every
 * property name of every object and the page rebuilds each object key by key, so a replay
 * of 10,000 messages (30,000 events) spent more time cloning events, on both sides, than
 * its host calls took. Here the names repeated in every event (interface, function, topic,
 * action, guest, envelope keys) travel once per batch in `strings`, ids are implied by
 * `first` + position, timestamps are one Float64Array and message payloads one Uint8Array.
 * `encodeTraceBatch` writes it in the worker, `decodeTraceBatch` turns it back at receipt
 * into the same TraceEvent objects the UI has always used.
 *
 * A field added to a TraceEvent kind must be added to both sides (traceBatch.test.ts
 * round-trips every field of every kind).
 */
export interface TraceBatch {
  /** Producing guest; every event of the batch has it. */
  guest: string;
  /** Id prefix of the events: event i's id is `${idPrefix}${first + i}`. */
  idPrefix: string;
  first: number;
  /** Event kind per event: {@link KIND_CALL}, {@link KIND_MESSAGE}, {@link KIND_LIFECYCLE}. */
  kinds: Uint8Array;
  /** `at` per event (epoch ms). */
  at: Float64Array;
  /** Strings referred to by index from `slots`. */
  strings: string[];
  /** Each event's fields in its kind's order (see encodeTraceBatch), one after another. */
  slots: unknown[];
  /** Message payloads one after another, each `slots` giving its length. */
  bytes: Uint8Array;
}

export const KIND_CALL = 0;
export const KIND_MESSAGE = 1;
export const KIND_LIFECYCLE = 2;

/** Bits of a call's flags slot; a set "has" bit means the field follows in `slots`. */
export const CALL_OK = 1;
export const CALL_EXPORT = 2;
export const CALL_PENDING = 4;
export const CALL_HAS_RESULT = 8;
export const CALL_HAS_TARGET = 16;
export const CALL_HAS_SERVED_BY = 32;
export const CALL_HAS_CALL_ID = 64;
/** The call's arguments follow as a count and that many encoded host values (below). */
export const CALL_RAW_ARGS = 128;
/** The call's result follows as an encoded host value (below). */
export const CALL_RAW_RESULT = 256;

/**
 * A host value as it came from a host call, encoded flat so the clone copies no objects and
 * the page renders it (`renderValue`'s output exactly; encodeTraceBatch / decodeTraceBatch).
 * A slot that is a number is one of these tags; a string or boolean is itself (already cut
 * to its preview), null is undefined or null, a bigint is itself (shown as its digits).
 */
export const VALUE_NUMBER = 0; // then the number
export const VALUE_BYTES = 1; // then the length; the first BYTES_HEAD bytes are in `bytes`
export const VALUE_ARRAY = 2; // then the length, then its first 20 items
export const VALUE_RESOURCE = 3; // then the name (a string index) and the id
export const VALUE_OBJECT = 4; // then the field count, then per field its name (a string index) and value

/** Bits of a message's flags slot. */
export const MSG_HAS_TO = 1;
export const MSG_HAS_TRANSIT = 2;
export const MSG_HAS_FAULT = 4;
/** `data` was not a Uint8Array: it travels as a slot value instead of in `bytes`. */
export const MSG_DATA_IN_SLOT = 8;
/**
 * Envelope and payload are those of an earlier message event of the batch (a delivery's
 * ack or nack, a handler's deliver after the host's): one slot names that event instead.
 */
export const MSG_SAME_AS = 16;
/** A `reason` follows (a standard handler's dropped message). */
export const MSG_HAS_REASON = 32;

/** Bits of a lifecycle event's flags slot. */
export const LIFE_HAS_DETAIL = 1;
export const LIFE_HAS_MS = 2;
