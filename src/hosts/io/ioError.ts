import { HostError } from '../hostContract';

/**
 * The `wasi:io/error.error` resource. Exported to jco as `Error` (the WIT name); it
 * extends the JS Error so a host-side stack and message survive into the trace.
 */
export class IoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IoError';
  }

  /** WIT `to-debug-string`: human text only, never parsed by guests. */
  toDebugString(): string {
    return this.message;
  }
}

/** `wasi:io/streams.stream-error` as jco represents the variant. */
export type StreamError = { tag: 'closed' } | { tag: 'last-operation-failed'; val: IoError };

/** `err(closed)`: the stream ended (reads) or can take no more bytes (writes). */
export function closedError(): HostError {
  return new HostError({ tag: 'closed' } satisfies StreamError, 'stream closed');
}

/** `err(last-operation-failed(e))`: the operation failed; the stream is closed from now on. */
export function failedError(cause: unknown): HostError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const val = cause instanceof IoError ? cause : new IoError(message);
  return new HostError({ tag: 'last-operation-failed', val } satisfies StreamError, `stream failed: ${message}`);
}
