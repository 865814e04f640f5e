import { HostError } from '../hostContract';
import { CONTAINERS, OBJECTS, openBlobDb, request, runTx, type ContainerRecord, type ObjectRecord } from './openBlobDb';
import type { BlobStorage } from '../backend/backendTypes';

/** `wasi:blobstore/types.object-id` as jco passes it. */
export interface ObjectId {
  container: string;
  object: string;
}

/**
 * IndexedDB storage behind one blobstore host instance: containers and their objects in
 * the `${namespace}-blob` database. Every method is one transaction, so each guest call
 * either happens completely or not at all. Errors are HostErrors carrying the WIT
 * `error` string.
 */
export class BlobStore implements BlobStorage {
  #db: Promise<IDBDatabase> | undefined;

  constructor(readonly namespace: string) {}

  /** Opened on first use so guests that never touch the blobstore never open the database. */
  db(): Promise<IDBDatabase> {
    if (this.#db) return this.#db;
    const opening: Promise<IDBDatabase> = openBlobDb(this.namespace).then(
      (db) => {
        // Someone deletes the namespace (a Learn check cleaning up): step aside, as the
        // key-value and log connections do, rather than block the delete for as long as
        // this worker lives (a recycled run worker lives on), and reopen on the next call.
        db.onversionchange = () => {
          db.close();
          if (this.#db === opening) this.#db = undefined;
        };
        return db;
      },
      (e: unknown) => {
        this.#db = undefined; // let a later call retry, e.g. after another tab's upgrade finished
        throw e;
      },
    );
    this.#db = opening;
    return opening;
  }

  async createContainer(name: string): Promise<ContainerRecord> {
    checkName('container', name);
    const record: ContainerRecord = { name, createdAt: Date.now() };
    return runTx(await this.db(), [CONTAINERS], 'readwrite', async (tx) => {
      const store = tx.objectStore(CONTAINERS);
      if (await request(store.getKey(name))) throw new HostError(`container ${quote(name)} already exists`);
      await request(store.add(record));
      return record;
    });
  }

  async getContainer(name: string): Promise<ContainerRecord> {
    return runTx(await this.db(), [CONTAINERS], 'readonly', (tx) => requireContainer(tx, name));
  }

  async containerExists(name: string): Promise<boolean> {
    return runTx(await this.db(), [CONTAINERS], 'readonly', async (tx) => {
      return (await request(tx.objectStore(CONTAINERS).getKey(name))) !== undefined;
    });
  }

  /** Deletes the container and, in the same transaction, every object in it. */
  async deleteContainer(name: string): Promise<void> {
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readwrite', async (tx) => {
      await requireContainer(tx, name);
      await request(tx.objectStore(OBJECTS).delete(objectsOf(name)));
      await request(tx.objectStore(CONTAINERS).delete(name));
    });
  }

  /** The stored record (its `data` Blob is not read), or an error naming what is missing. */
  async getObject(container: string, name: string): Promise<ObjectRecord> {
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readonly', (tx) => requireObject(tx, container, name));
  }

  async hasObject(container: string, name: string): Promise<boolean> {
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readonly', async (tx) => {
      await requireContainer(tx, container);
      return (await request(tx.objectStore(OBJECTS).getKey([container, name]))) !== undefined;
    });
  }

  /** Stores (or replaces) an object. The Blob is stored by reference: no byte copy here. */
  async putObject(container: string, name: string, data: Blob): Promise<void> {
    checkName('object', name);
    const record: ObjectRecord = { size: data.size, createdAt: Date.now(), data };
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readwrite', async (tx) => {
      await requireContainer(tx, container);
      await request(tx.objectStore(OBJECTS).put(record, [container, name]));
    });
  }

  /** Deletes the named objects; names that do not exist are ignored (as the WIT says). */
  async deleteObjects(container: string, names: string[]): Promise<void> {
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readwrite', async (tx) => {
      await requireContainer(tx, container);
      const objects = tx.objectStore(OBJECTS);
      await Promise.all(names.map((name) => request(objects.delete([container, name]))));
    });
  }

  async clear(container: string): Promise<void> {
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readwrite', async (tx) => {
      await requireContainer(tx, container);
      await request(tx.objectStore(OBJECTS).delete(objectsOf(container)));
    });
  }

  /** Up to `count` object names after `after` (exclusive), in IndexedDB key order. */
  async listNames(container: string, after: string | undefined, count: number): Promise<string[]> {
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readonly', async (tx) => {
      await requireContainer(tx, container);
      const range = IDBKeyRange.bound([container, after ?? ''], [container, []], after !== undefined, false);
      const keys = await request(tx.objectStore(OBJECTS).getAllKeys(range, count));
      return keys.map((key) => (key as [string, string])[1]);
    });
  }

  /**
   * Copies `src` to `dest` (replacing dest); with `move` also deletes `src`, in the same
   * transaction so a failure leaves both objects as they were. The Blob is shared, not
   * re-read: IndexedDB may reference the same bytes for both records.
   */
  async copyObject(src: ObjectId, dest: ObjectId, move: boolean): Promise<void> {
    checkName('object', dest.object);
    return runTx(await this.db(), [CONTAINERS, OBJECTS], 'readwrite', async (tx) => {
      const record = await requireObject(tx, src.container, src.object);
      await requireContainer(tx, dest.container);
      if (src.container === dest.container && src.object === dest.object) return;
      const objects = tx.objectStore(OBJECTS);
      await request(objects.put({ ...record, createdAt: Date.now() }, [dest.container, dest.object]));
      if (move) await request(objects.delete([src.container, src.object]));
    });
  }
}

/** Key range of every object in `container`: arrays sort after all strings in IndexedDB. */
function objectsOf(container: string): IDBKeyRange {
  return IDBKeyRange.bound([container, ''], [container, []]);
}

async function requireContainer(tx: IDBTransaction, name: string): Promise<ContainerRecord> {
  const record = (await request(tx.objectStore(CONTAINERS).get(name))) as ContainerRecord | undefined;
  if (!record) throw new HostError(`container ${quote(name)} does not exist`);
  return record;
}

async function requireObject(tx: IDBTransaction, container: string, name: string): Promise<ObjectRecord> {
  await requireContainer(tx, container);
  const record = (await request(tx.objectStore(OBJECTS).get([container, name]))) as ObjectRecord | undefined;
  if (!record) throw new HostError(`object ${quote(name)} does not exist in container ${quote(container)}`);
  return record;
}

function checkName(kind: 'container' | 'object', name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new HostError(`${kind} name must not be empty`);
}

/** JSON quoting keeps odd names (quotes, newlines) readable in error text. */
export function quote(name: string): string {
  return JSON.stringify(name);
}
