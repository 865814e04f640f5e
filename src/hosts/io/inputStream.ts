import { blobSource, bytesSource, type ByteSource } from './byteSources';
import { closedError, failedError } from './ioError';
import { andThen, lengthOf, symbolDispose, type MaybePromise } from './maybeAsync';
import { createPollable, type Pollable } from './pollable';

/**
 * The `wasi:io/streams.input-stream` resource. One class serves blobstore bodies, stdin
 * and any other byte source, because jco checks handles with `instanceof` against the
 * class given for `wasi:io/streams` and a run has exactly one such class.
 */
export class InputStream {
  readonly #source: ByteSource;
  #open = true;

  /** Host code creates streams with {@link createInputStream}; guests cannot construct them. */
  constructor(source: ByteSource) {
    this.#source = source;
  }

  /**
   * Up to `len` bytes. Sources backed by memory answer at once; Blob-backed sources wait
   * for the slice (returning a Promise, i.e. a JSPI suspension) instead of returning an
   * empty list, which the spec allows and which saves the guest a subscribe/block round.
   */
  read(len: bigint): MaybePromise<Uint8Array> {
    const n = this.#check(len);
    if (n === 0) return new Uint8Array(0);
    return andThen(this.#guard(() => this.#source.read(n)), (bytes) => {
      if (bytes === undefined) throw this.#end();
      return bytes;
    });
  }

  blockingRead(len: bigint): MaybePromise<Uint8Array> {
    return this.read(len);
  }

  skip(len: bigint): MaybePromise<bigint> {
    const n = this.#check(len);
    if (n === 0) return 0n;
    const skipped = this.#source.skip
      ? this.#guard(() => this.#source.skip!(n))
      : andThen(this.#guard(() => this.#source.read(n)), (b) => b?.length);
    return andThen(skipped, (count) => {
      if (count === undefined) throw this.#end();
      return BigInt(count);
    });
  }

  blockingSkip(len: bigint): MaybePromise<bigint> {
    return this.skip(len);
  }

  /** Always ready: `read` itself waits for data, so there is never anything to poll for. */
  subscribe(): Pollable {
    return createPollable();
  }

  [symbolDispose](): void {
    if (!this.#open) return;
    this.#open = false;
    this.#source.close?.();
  }

  #check(len: bigint): number {
    if (!this.#open) throw closedError();
    return lengthOf(len, 'read length');
  }

  #end() {
    this.#open = false;
    return closedError();
  }

  /** Source failures become `last-operation-failed`; the stream is closed afterwards. */
  #guard<T>(op: () => MaybePromise<T>): MaybePromise<T> {
    const fail = (e: unknown): never => {
      this.#open = false;
      throw failedError(e);
    };
    try {
      const value = op();
      return value instanceof Promise ? value.catch(fail) : value;
    } catch (e) {
      return fail(e);
    }
  }
}

/** Anything {@link createInputStream} can read: bytes, a Blob, or a custom source. */
export type InputSourceLike = Uint8Array | ArrayBuffer | Blob | ByteSource;

/**
 * Creates an input stream. Byte arrays and ArrayBuffers are read in place (not copied
 * up front); Blobs are read lazily in windows; custom sources (stdin) are used as given.
 */
export function createInputStream(source: InputSourceLike): InputStream {
  if (source instanceof Uint8Array) return new InputStream(bytesSource(source));
  if (source instanceof ArrayBuffer) return new InputStream(bytesSource(new Uint8Array(source)));
  if (source instanceof Blob) return new InputStream(blobSource(source));
  return new InputStream(source);
}
