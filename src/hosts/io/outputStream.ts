import type { InputStream } from './inputStream';
import { closedError, failedError } from './ioError';
import { andThen, lengthOf, symbolDispose, type MaybePromise } from './maybeAsync';
import { createPollable, type Pollable } from './pollable';

/** Where an output stream's bytes go. */
export interface ByteSink {
  /**
   * Receives each written array. Streams never reuse or mutate the arrays they pass on
   * (jco already hands hosts a fresh copy of guest memory), so a sink may keep them
   * without copying. Throwing (or rejecting) fails the stream.
   */
  write(bytes: Uint8Array): MaybePromise<void>;
  flush?(): MaybePromise<void>;
  /** Called when the guest drops the stream. */
  close?(): void;
  /** True once the sink takes no more bytes: writes then fail with `closed`. */
  isClosed?(): boolean;
  /** Write permit returned by check-write (default {@link DEFAULT_WRITE_PERMIT}). */
  permit?: number;
}

/** Default check-write permit: large enough that guests write big bodies in few calls. */
export const DEFAULT_WRITE_PERMIT = 1 << 20;
/** The spec limits blocking-write-and-flush and friends to 4096 bytes (wasmtime traps too). */
export const BLOCKING_WRITE_LIMIT = 4096;

/** The `wasi:io/streams.output-stream` resource (stdout, stderr, blobstore bodies). */
export class OutputStream {
  readonly #sink: ByteSink;
  #open = true;
  #permit = 0;

  /** Host code creates streams with {@link createOutputStream}; guests cannot construct them. */
  constructor(sink: ByteSink) {
    this.#sink = sink;
  }

  checkWrite(): bigint {
    this.#assertOpen();
    this.#permit = this.#sink.permit ?? DEFAULT_WRITE_PERMIT;
    return BigInt(this.#permit);
  }

  /** Precondition from the spec: at most the last check-write permit, otherwise a trap. */
  write(contents: Uint8Array): MaybePromise<void> {
    this.#assertOpen();
    if (contents.length > this.#permit) {
      throw new Error(`write of ${contents.length} bytes exceeds the check-write permit of ${this.#permit}; call check-write first`);
    }
    this.#permit -= contents.length;
    return this.#guard(() => this.#sink.write(contents));
  }

  blockingWriteAndFlush(contents: Uint8Array): MaybePromise<void> {
    this.#assertOpen();
    assertBlockingLimit(contents.length, 'blocking-write-and-flush');
    return andThen(this.#guard(() => this.#sink.write(contents)), () => this.blockingFlush());
  }

  flush(): MaybePromise<void> {
    this.#assertOpen();
    return this.#guard(() => this.#sink.flush?.());
  }

  blockingFlush(): MaybePromise<void> {
    return this.flush();
  }

  /** Always ready: writes complete (or suspend) inside the call itself. */
  subscribe(): Pollable {
    return createPollable();
  }

  writeZeroes(len: bigint): MaybePromise<void> {
    return this.write(new Uint8Array(lengthOf(len, 'write-zeroes length')));
  }

  blockingWriteZeroesAndFlush(len: bigint): MaybePromise<void> {
    const n = lengthOf(len, 'write-zeroes length');
    assertBlockingLimit(n, 'blocking-write-zeroes-and-flush');
    return this.blockingWriteAndFlush(new Uint8Array(n));
  }

  /** Moves up to `len` bytes (bounded by the write permit) from `src`; returns the count. */
  splice(src: InputStream, len: bigint): MaybePromise<bigint> {
    const permit = Number(this.checkWrite());
    const n = Math.min(lengthOf(len, 'splice length'), permit);
    return andThen(src.read(BigInt(n)), (bytes) => andThen(this.write(bytes), () => BigInt(bytes.length)));
  }

  blockingSplice(src: InputStream, len: bigint): MaybePromise<bigint> {
    return andThen(this.splice(src, len), (n) => andThen(this.flush(), () => n));
  }

  [symbolDispose](): void {
    if (!this.#open) return;
    this.#open = false;
    this.#sink.close?.();
  }

  #assertOpen(): void {
    if (!this.#open || this.#sink.isClosed?.()) throw closedError();
  }

  /** Sink failures become `last-operation-failed`; the stream is closed afterwards. */
  #guard(op: () => MaybePromise<void>): MaybePromise<void> {
    const fail = (e: unknown): never => {
      this.#open = false;
      throw failedError(e);
    };
    try {
      const done = op();
      return done instanceof Promise ? done.catch(fail) : done;
    } catch (e) {
      return fail(e);
    }
  }
}

function assertBlockingLimit(length: number, fn: string): void {
  if (length > BLOCKING_WRITE_LIMIT) {
    throw new Error(`${fn} accepts at most ${BLOCKING_WRITE_LIMIT} bytes (got ${length}); use check-write and write for larger buffers`);
  }
}

/**
 * Creates an output stream. Pass a function for the common case (`bytes => ...`), or a
 * {@link ByteSink} to add flush/close handling. The runtime uses this for the guest's
 * stdout/stderr so wasi:cli and wasi:blobstore share one `OutputStream` class.
 */
export function createOutputStream(sink: ((bytes: Uint8Array) => MaybePromise<void>) | ByteSink): OutputStream {
  return new OutputStream(typeof sink === 'function' ? { write: sink } : sink);
}
