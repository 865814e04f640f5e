import type { Envelope } from '../../messaging/createEnvelope';

/**
 * The record format of the topic log (store `log`, see topicLog.ts). A record holds a
 * CHUNK of consecutive entries and is keyed [topic, offset of its LAST entry]:
 * - an append still finds the next offset with one key cursor (`prev`) on the topic;
 * - a read from offset X starts at the first record keyed ≥ [topic, X]: the chunk holding X;
 * - trimming deletes whole records keyed below the retained window, as before.
 * Records written before chunks existed hold one entry (`{ envelope, data }`, key = its
 * offset): they are one-entry chunks, read as they are (no migration).
 *
 * Why chunks: a flooding producer appended one record per send, and per record the
 * browser's storage work (request, LevelDB write) cost more than the send itself. Marginal
 * CPU per flooded message (abEngine msgCpu, 6 rounds, load 9–14): outside the workers
 * 216 µs with one record per send, 35 in chunks, 18 with no log at all; in the workers 61,
 * 37 and 22.
 */

/** One log entry. */
export interface LogEntry {
  offset: number;
  envelope: Envelope;
  data: Uint8Array;
}

/** A stored record of several consecutive entries; the key's offset is the last one's. */
export interface LogChunk {
  envelopes: Envelope[];
  data: Uint8Array[];
}

/** A record as written before chunks: one entry, keyed by its own offset. */
interface LegacyRecord {
  envelope: Envelope;
  data: Uint8Array;
}

/**
 * Estimated serialized bytes per chunk at most. Chromium stores a value over 64 KiB as a
 * separate blob file (slower to write and read), so chunks stay well below that.
 */
export const CHUNK_BYTES = 48 * 1024;

/** Per entry besides its strings and bytes (structured-clone tags, lengths, the array view). */
const ENTRY_OVERHEAD = 48;

/** Estimated serialized size of one entry. */
function entryBytes(envelope: Envelope, data: Uint8Array): number {
  let bytes = ENTRY_OVERHEAD + data.byteLength;
  for (const key in envelope) bytes += key.length + envelope[key]!.length;
  return bytes;
}

/**
 * Splits consecutive entries into chunks of at most {@link CHUNK_BYTES} estimated bytes
 * (an entry larger than that is a chunk of its own), in order.
 */
export function toChunks(items: ReadonlyArray<{ envelope: Envelope; data: Uint8Array }>): LogChunk[] {
  const chunks: LogChunk[] = [];
  let current: LogChunk | undefined;
  let bytes = 0;
  for (const item of items) {
    const size = entryBytes(item.envelope, item.data);
    if (!current || bytes + size > CHUNK_BYTES) {
      current = { envelopes: [], data: [] };
      chunks.push(current);
      bytes = 0;
    }
    current.envelopes.push(item.envelope);
    current.data.push(item.data);
    bytes += size;
  }
  return chunks;
}

function isChunk(value: unknown): value is LogChunk {
  return Array.isArray((value as LogChunk).envelopes);
}

/**
 * Pushes the entries of one stored record (key [topic, last offset]) whose offsets are at
 * least `from` onto `out`, in offset order. Returns the record's last offset.
 */
export function pushEntries(out: LogEntry[], key: IDBValidKey, value: unknown, from: number): number {
  const last = (key as [string, number])[1];
  if (!isChunk(value)) {
    if (last >= from) out.push({ offset: last, envelope: (value as LegacyRecord).envelope, data: (value as LegacyRecord).data });
    return last;
  }
  const { envelopes, data } = value;
  const first = last - envelopes.length + 1;
  for (let i = Math.max(0, from - first); i < envelopes.length; i++) out.push({ offset: first + i, envelope: envelopes[i]!, data: data[i]! });
  return last;
}
