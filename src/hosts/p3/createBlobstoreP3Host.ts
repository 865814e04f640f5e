import type { BlobStorage } from '../backend/backendTypes';
import { backendOf } from '../backend/backendOf';
import { HostError, type HostContext, type HostPackage } from '../hostContract';
import { readHostStream, type GuestStream } from './readHostStream';

/** Package id exactly as in wit/blobstore-p3-0.1.0. */
export const blobstoreP3PackageId = 'proposal:blobstore-p3@0.1.0';
const IFACE = `proposal:blobstore-p3/blobstore@0.1.0`;

/**
 * Bytes the host moves per stream step. Small on purpose: a blob of a few hundred bytes
 * then crosses in several steps, and each step shows in the trace (and makes the guest
 * wait: that wait is the backpressure).
 */
export const STREAM_CHUNK = 16;

/**
 * `proposal:blobstore-p3@0.1.0`: containers and objects in the same IndexedDB database as
 * wasi:blobstore@0.2.0-draft (the shared BlobStore), bodies as `stream<u8>`. A write takes
 * the guest's readable end and pulls STREAM_CHUNK bytes at a time, storing the object when
 * the guest drops its writable end; a read returns an async generator jco lowers into a
 * stream the guest pulls from.
 */
export function createBlobstoreP3Host(): HostPackage {
  return {
    id: blobstoreP3PackageId,
    description: 'Proposal (WASI 0.3): blob bodies as stream<u8> with ranged reads, in the same IndexedDB store as wasi:blobstore 0.2',
    concurrent: true,
    create(ctx) {
      // The guest's backend (IndexedDB here, the NATS object store there), as the 0.2 host does.
      const store = backendOf(ctx).blobs(ctx.config.namespace);
      const Container = createContainerClass(ctx, store);
      return {
        blobstore: {
          Container,
          async openContainer(name: string) {
            if (!(await guard(() => store.containerExists(name)))) await guard(() => store.createContainer(name));
            return new Container(name);
          },
        },
      };
    },
  };
}

function createContainerClass(ctx: HostContext, store: BlobStorage) {
  /** Records one stream step: the guest's bytes crossing into (or out of) the host. */
  const step = (container: string, fn: string, bytes: Uint8Array, t0: number) =>
    ctx.emit({
      kind: 'call', dir: 'import', iface: IFACE, fn, args: [{ bytes: bytes.length }], ok: true,
      result: new TextDecoder().decode(bytes), ms: performance.now() - t0, at: performance.timeOrigin + t0,
      target: { type: 'container', name: container },
    });

  return class Container {
    constructor(readonly name: string) {}

    get traceTarget() {
      return { type: 'container' as const, name: this.name };
    }

    async write(object: string, data: GuestStream): Promise<bigint> {
      const chunks = await readHostStream(data, STREAM_CHUNK, (chunk, t0) => step(this.name, 'stream-read ← guest', chunk, t0));
      const size = chunks.reduce((n, c) => n + c.length, 0);
      await guard(() => store.putObject(this.name, object, new Blob(chunks as BlobPart[])));
      return BigInt(size);
    }

    async read(object: string, start: bigint, end: bigint | undefined): Promise<AsyncGenerator<Uint8Array>> {
      const record = await guard(() => store.getObject(this.name, object));
      if (start < 0n || (end !== undefined && end < start)) throw err('other', `invalid range ${start}..${end ?? ''}`);
      const from = Number(start > BigInt(record.size) ? BigInt(record.size) : start);
      const to = end === undefined || end > BigInt(record.size) ? record.size : Number(end);
      const bytes = new Uint8Array(await record.data.slice(from, to).arrayBuffer());
      const container = this.name;
      // jco pulls the next chunk only when the guest reads: the guest's pace is the host's.
      return (async function* chunks() {
        for (let at = 0; at < bytes.length; at += STREAM_CHUNK) {
          const t0 = performance.now();
          const chunk = bytes.slice(at, at + STREAM_CHUNK);
          yield chunk;
          step(container, 'stream-write → guest', chunk, t0);
        }
      })();
    }

    async stat(object: string) {
      const record = await guard(() => store.getObject(this.name, object));
      return { name: object, size: BigInt(record.size), createdAt: BigInt(record.createdAt) };
    }

    async listObjects(): Promise<string[]> {
      return guard(() => store.listNames(this.name, undefined, 10_000));
    }

    async delete(object: string): Promise<void> {
      await guard(() => store.deleteObjects(this.name, [object]));
    }
  };
}

function err(tag: 'no-such-container' | 'no-such-object' | 'other', text?: string): HostError {
  return new HostError(tag === 'other' ? { tag, val: text ?? '' } : { tag }, text);
}

/** Maps the 0.2 store's text errors onto this package's error variant. */
async function guard<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const text = e instanceof HostError ? String(e.payload) : e instanceof Error ? e.message : String(e);
    if (/^container .* does not exist/.test(text)) throw err('no-such-container', text);
    if (/^object .* does not exist/.test(text)) throw err('no-such-object', text);
    throw err('other', text);
  }
}
