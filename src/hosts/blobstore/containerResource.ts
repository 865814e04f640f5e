import { lengthOf } from '../io/maybeAsync';
import type { BlobStorage as BlobStore } from '../backend/backendTypes';
import { checkRangeOrder, resolveRange } from './resolveRange';
import { IncomingValue, storeOutgoingValue, type OutgoingValue } from './values';

/** `container-metadata` / `object-metadata` timestamps: seconds since the Unix epoch, as wasmCloud reports them. */
export function toTimestamp(ms: number): bigint {
  return BigInt(Math.floor(ms / 1000));
}

/**
 * `wasi:blobstore/container.container`: a handle to a named container. It holds only the
 * name; every call re-checks in IndexedDB that the container still exists, because another
 * guest or tab may have deleted it meanwhile.
 */
export class Container {
  constructor(
    readonly store: BlobStore,
    readonly containerName: string,
  ) {}

  /** Lets the trace diagram draw calls on this container as edges to a container node. */
  get traceTarget() {
    return { type: 'container' as const, name: this.containerName };
  }

  name(): string {
    return this.containerName;
  }

  async info(): Promise<{ name: string; createdAt: bigint }> {
    const record = await this.store.getContainer(this.containerName);
    return { name: record.name, createdAt: toTimestamp(record.createdAt) };
  }

  /** Inclusive range; see resolveRange for the past-the-end rules. Reads no bytes yet. */
  async getData(name: string, start: bigint, end: bigint): Promise<IncomingValue> {
    checkRangeOrder(start, end);
    const record = await this.store.getObject(this.containerName, name);
    const { from, to } = resolveRange(name, record.size, start, end);
    return new IncomingValue(record.data.slice(from, to), this.containerName);
  }

  writeData(name: string, data: OutgoingValue): Promise<void> {
    return storeOutgoingValue(data, this.store, this.containerName, name);
  }

  async listObjects(): Promise<StreamObjectNames> {
    await this.store.getContainer(this.containerName);
    return new StreamObjectNames(this.store, this.containerName);
  }

  deleteObject(name: string): Promise<void> {
    return this.store.deleteObjects(this.containerName, [name]);
  }

  deleteObjects(names: string[]): Promise<void> {
    return this.store.deleteObjects(this.containerName, names);
  }

  hasObject(name: string): Promise<boolean> {
    return this.store.hasObject(this.containerName, name);
  }

  async objectInfo(name: string): Promise<{ name: string; container: string; createdAt: bigint; size: bigint }> {
    const record = await this.store.getObject(this.containerName, name);
    return { name, container: this.containerName, createdAt: toTimestamp(record.createdAt), size: BigInt(record.size) };
  }

  clear(): Promise<void> {
    return this.store.clear(this.containerName);
  }
}

/** Largest page one call fetches; bigger requests just return this many (the end flag stays honest). */
const MAX_PAGE = 10_000;

/**
 * `wasi:blobstore/container.stream-object-names`: pages object names straight from
 * IndexedDB in key order (code-unit order of names), remembering the last name returned.
 * It is live, not a snapshot: objects added after the cursor's position show up later.
 */
export class StreamObjectNames {
  #after: string | undefined;
  #done = false;

  constructor(
    readonly store: BlobStore,
    readonly containerName: string,
  ) {}

  get traceTarget() {
    return { type: 'container' as const, name: this.containerName };
  }

  /** Up to `len` names and whether the listing has reached the end. */
  async readStreamObjectNames(len: bigint): Promise<[string[], boolean]> {
    const names = await this.#page(len);
    return [names, this.#done];
  }

  async skipStreamObjectNames(num: bigint): Promise<[bigint, boolean]> {
    const names = await this.#page(num);
    return [BigInt(names.length), this.#done];
  }

  async #page(len: bigint): Promise<string[]> {
    if (this.#done) return [];
    const want = Math.min(lengthOf(len, 'count'), MAX_PAGE);
    // One extra name tells whether anything follows, so `end` is true on the last page.
    const names = await this.store.listNames(this.containerName, this.#after, want + 1);
    this.#done = names.length <= want;
    const page = names.slice(0, want);
    if (page.length > 0) this.#after = page[page.length - 1];
    return page;
  }
}
