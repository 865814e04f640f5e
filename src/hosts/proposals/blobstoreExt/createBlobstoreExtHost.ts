import { HostError, type HostContext, type HostPackage, type InterfaceImpl } from '../../hostContract';
import { Container } from '../../blobstore/index';
import { checkRangeOrder } from '../../blobstore/resolveRange';

/** Package id exactly as in wit/blobstore-ext-0.1.0. */
export const blobstoreExtPackageId = 'proposal:blobstore-ext@0.1.0';

/** `container` handles must be the blobstore package's own (module-level) Container class. */
function containerOf(value: unknown): Container {
  if (!(value instanceof Container)) throw new HostError('not a container opened through wasi:blobstore@0.2.0-draft');
  return value;
}

function objectName(name: unknown): string {
  if (typeof name !== 'string') throw new HostError(`object name must be a string, got ${typeof name}`);
  return name;
}

/**
 * `blobs.blob`: a handle that pins the bytes an object had when it was opened. It keeps the
 * `Blob` from the IndexedDB record; a Blob is immutable and stays readable while referenced,
 * so a later overwrite or delete of the object (a new record) never changes what it reads.
 * The class is named `Blob` because the runtime derives trace and JSPI names from it
 * (`[method]blob.read`); inside this module `Blob` therefore means the resource.
 */
const BlobResource = class Blob {
  readonly #data: globalThis.Blob;

  private constructor(
    data: globalThis.Blob,
    readonly objectName: string,
    readonly containerName: string,
  ) {
    this.#data = data;
  }

  /** Reads from a pinned blob are drawn as edges to the container it was opened in. */
  get traceTarget() {
    return { type: 'container' as const, name: this.containerName };
  }

  static async open(container: unknown, name: unknown): Promise<Blob> {
    const c = containerOf(container);
    const record = await c.store.getObject(c.containerName, objectName(name));
    return new Blob(record.data, objectName(name), c.containerName);
  }

  size(): bigint {
    return BigInt(this.#data.size);
  }

  /** Reading exactly at the end yields no bytes; past the end is an error (see the WIT). */
  async read(start: bigint, len: bigint): Promise<Uint8Array> {
    const size = BigInt(this.#data.size);
    if (start > size) throw new HostError(`start ${start} is past the end of the pinned blob "${this.objectName}" (size ${size})`);
    const end = start + len > size ? size : start + len;
    return new Uint8Array(await this.#data.slice(Number(start), Number(end)).arrayBuffer());
  }
};

/**
 * `proposal:blobstore-ext@0.1.0`: open-ended ranged reads and pinned blob handles over the
 * `wasi:blobstore@0.2.0-draft` host's IndexedDB objects.
 */
export function createBlobstoreExtHost(): HostPackage {
  return {
    id: blobstoreExtPackageId,
    description: 'Proposal (2022): get-data-from with an open end, and blob handles that pin bytes against later overwrites.',
    create(_ctx: HostContext): Record<string, InterfaceImpl> {
      return {
        ranges: {
          /**
           * Inclusive `end`, clamped to the object's last byte; no end = to the end. A start at
           * or past the end yields an empty list, as the WIT documents (unlike get-data).
           */
          async getDataFrom(container: unknown, name: unknown, start: bigint, end?: bigint): Promise<Uint8Array> {
            if (end !== undefined) checkRangeOrder(start, end);
            const c = containerOf(container);
            const record = await c.store.getObject(c.containerName, objectName(name));
            const size = BigInt(record.size);
            if (start >= size) return new Uint8Array();
            const stop = end === undefined || end >= size ? size : end + 1n;
            return new Uint8Array(await record.data.slice(Number(start), Number(stop)).arrayBuffer());
          },
        },
        blobs: { Blob: BlobResource },
      };
    },
  };
}
