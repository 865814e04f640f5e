import type { MaybePromise } from './maybeAsync';

/**
 * Where an input stream's bytes come from. `read` returns a fresh array the caller may
 * keep (length ≥ 1 and ≤ `maxLen`), an empty array when nothing is available yet, or
 * `undefined` at the end of the data.
 */
export interface ByteSource {
  read(maxLen: number): MaybePromise<Uint8Array | undefined>;
  /** Optional fast skip returning how many bytes were skipped, `undefined` at the end. */
  skip?(maxLen: number): MaybePromise<number | undefined>;
  /** Called when the guest drops the stream. */
  close?(): void;
}

/**
 * Reads a byte array in place. Each read copies only the bytes it returns (`slice`, at
 * most `maxLen`), never the whole array; skip copies nothing.
 */
export function bytesSource(bytes: Uint8Array): ByteSource {
  let pos = 0;
  return {
    read(maxLen) {
      if (pos >= bytes.length) return undefined;
      const chunk = bytes.slice(pos, pos + maxLen);
      pos += chunk.length;
      return chunk;
    },
    skip(maxLen) {
      if (pos >= bytes.length) return undefined;
      const n = Math.min(maxLen, bytes.length - pos);
      pos += n;
      return n;
    },
  };
}

/** Read-ahead window for Blob sources: big enough that 4 KiB guest reads rarely wait. */
export const BLOB_WINDOW_BYTES = 1 << 20;

/**
 * Reads a Blob lazily, `windowBytes` at a time, so a 50 MB object is never loaded whole.
 * Copies per byte returned: one from the Blob into a window (`slice().arrayBuffer()`) and
 * one into the returned array; a read of a whole window or more skips the second copy.
 * Skip only moves the position and reads nothing.
 */
export function blobSource(blob: Blob, windowBytes = BLOB_WINDOW_BYTES): ByteSource {
  let pos = 0;
  let window: { start: number; bytes: Uint8Array } | undefined;
  return {
    read(maxLen) {
      if (pos >= blob.size) return undefined;
      const want = Math.min(maxLen, blob.size - pos);
      if (window && pos >= window.start && pos + want <= window.start + window.bytes.length) {
        const from = pos - window.start;
        pos += want;
        return window.bytes.slice(from, from + want);
      }
      if (want >= windowBytes) {
        const start = pos;
        pos += want;
        return blob.slice(start, start + want).arrayBuffer().then((b) => new Uint8Array(b));
      }
      const start = pos;
      const end = Math.min(blob.size, start + windowBytes);
      // Advance now so a second read issued before this one resolves cannot return the same bytes.
      pos += want;
      return blob.slice(start, end).arrayBuffer().then((b) => {
        window = { start, bytes: new Uint8Array(b) };
        return window.bytes.slice(0, want);
      });
    },
    skip(maxLen) {
      if (pos >= blob.size) return undefined;
      const n = Math.min(maxLen, blob.size - pos);
      pos += n;
      return n;
    },
    close() {
      window = undefined;
    },
  };
}
