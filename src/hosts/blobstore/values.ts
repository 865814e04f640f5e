import { HostError } from '../hostContract';
import { createInputStream, createOutputStream, type InputStream, type OutputStream } from '../io/index';
import type { BlobStorage as BlobStore } from '../backend/backendTypes';

/**
 * Stores the body written so far as `container/name` (used by `write-data`). It is not a
 * member of OutgoingValue because the runtime traces every member of a resource class as
 * a guest-callable WIT method, and would reject this host-internal async call.
 */
export let storeOutgoingValue: (value: OutgoingValue, store: BlobStore, container: string, name: string) => Promise<void>;

/**
 * `wasi:blobstore/types.outgoing-value`: the body of an object being written.
 *
 * Commit rule (upstream: write-data stores the body, finish marks it complete):
 * `container.write-data(name, value)` stores the bytes written so far, so a guest built
 * against the pre-`finish` WIT still persists its data. `finish` then closes the body
 * stream; if the guest wrote more bytes after write-data, finish stores the complete
 * body again under every name it was written to, so no written byte is silently dropped.
 *
 * Copies on the write path: jco lifts each guest `write` into a fresh Uint8Array (copy 1,
 * unavoidable); chunks are kept as-is (no concatenation); `new Blob(chunks)` copies them
 * into blob storage (copy 2); IndexedDB persists the Blob (copy 3, done by the browser).
 */
export class OutgoingValue {
  static {
    storeOutgoingValue = (value, store, container, name) => value.#storeAs(store, container, name);
  }

  readonly #chunks: Uint8Array[] = [];
  #size = 0;
  #stream: OutputStream | undefined;
  #finished = false;
  /** Where write-data stored this value, and how many bytes that copy has. */
  readonly #targets = new Map<string, { store: BlobStore; container: string; name: string; size: number }>();

  /** Once write-data named a container, finishing the body is drawn as an edge to it. */
  get traceTarget() {
    const first = this.#targets.values().next().value;
    return first ? { type: 'container' as const, name: first.container } : undefined;
  }

  static newOutgoingValue(): OutgoingValue {
    return new OutgoingValue();
  }

  outgoingValueWriteBody(): OutputStream {
    if (this.#stream) throw new HostError(undefined, 'outgoing-value-write-body may be called only once per outgoing-value');
    if (this.#finished) throw new HostError(undefined, 'outgoing-value was already finished');
    this.#stream = createOutputStream({
      write: (bytes) => {
        this.#chunks.push(bytes);
        this.#size += bytes.length;
      },
      isClosed: () => this.#finished,
    });
    return this.#stream;
  }

  static async finish(value: OutgoingValue): Promise<void> {
    if (value.#finished) throw new HostError('outgoing-value was already finished');
    value.#finished = true;
    for (const target of value.#targets.values()) {
      if (target.size !== value.#size) await value.#storeAs(target.store, target.container, target.name);
    }
  }

  /** Bytes written so far. */
  get size(): number {
    return this.#size;
  }

  async #storeAs(store: BlobStore, container: string, name: string): Promise<void> {
    const size = this.#size;
    // jco lifts guest lists into fresh ArrayBuffers, so the chunks are Blob-compatible as-is.
    await store.putObject(container, name, new Blob(this.#chunks as Uint8Array<ArrayBuffer>[]));
    this.#targets.set(JSON.stringify([store.namespace, container, name]), { store, container, name, size });
  }
}

/**
 * `wasi:blobstore/types.incoming-value`: a byte range of an object, held as a Blob slice.
 * `Blob.slice` copies nothing, and the slice keeps the bytes readable even if the object
 * is overwritten or deleted before the guest consumes it.
 *
 * Copies on the read path: consume-sync reads only the slice (`slice.arrayBuffer()`, copy
 * 1) and jco copies it into guest memory (copy 2). consume-async streams the slice in
 * 1 MiB windows (see blobSource): one copy into the window, one per returned chunk, one
 * into guest memory; the whole object is never in memory at once.
 */
export class IncomingValue {
  readonly #data: Blob;
  #consumed = false;

  /** `container`: where the bytes were read from, so consuming them is drawn as an edge to it. */
  constructor(
    data: Blob,
    readonly container?: string,
  ) {
    this.#data = data;
  }

  get traceTarget() {
    return this.container === undefined ? undefined : { type: 'container' as const, name: this.container };
  }

  static async incomingValueConsumeSync(value: IncomingValue): Promise<Uint8Array> {
    return new Uint8Array(await value.#take().arrayBuffer());
  }

  static incomingValueConsumeAsync(value: IncomingValue): InputStream {
    return createInputStream(value.#take());
  }

  size(): bigint {
    return BigInt(this.#data.size);
  }

  #take(): Blob {
    if (this.#consumed) throw new HostError('incoming-value was already consumed');
    this.#consumed = true;
    return this.#data;
  }
}
