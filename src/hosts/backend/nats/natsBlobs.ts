import { jetstreamManager } from '@nats-io/jetstream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { quote } from '../../blobstore/blobStore';
import type { ContainerRecord, ObjectRecord } from '../../blobstore/openBlobDb';
import { HostError } from '../../hostContract';
import type { BlobStorage } from '../backendTypes';
import type { NatsLink } from './connectNats';
import { objectStoreName } from './natsNames';
import { createObjectStore } from './createObjectStore';

/**
 * Blob storage on the JetStream object store: one object store per container (stream
 * `OBJ_<name>`), objects chunked by the client. A container's creation time is its
 * stream's. Reads fetch the whole object into a Blob and ranges slice it, exactly as the
 * IndexedDB backend does, so `get-data` ranges and streams behave the same.
 */
export function createNatsBlobs(link: NatsLink, namespace: string): BlobStorage {
  const objm = new Objm(link.nc);
  const stores = new Map<string, Promise<ObjectStore>>();

  const call = async <T>(body: () => Promise<T>): Promise<T> => {
    try {
      link.ensureConnected();
      return await body();
    } catch (error) {
      if (error instanceof HostError) throw error;
      const text = error instanceof Error ? error.message : String(error);
      throw new HostError(`NATS object store on ${link.servers}: ${text}`);
    }
  };

  const streamInfo = async (container: string) => {
    const jsm = await jetstreamManager(link.nc);
    try {
      return await jsm.streams.info(`OBJ_${objectStoreName(namespace, container)}`);
    } catch (error) {
      if (/not found/i.test(String((error as Error)?.message ?? error))) return undefined;
      throw error;
    }
  };

  const requireStore = async (container: string): Promise<{ os: ObjectStore; record: ContainerRecord }> => {
    const info = await streamInfo(container);
    if (!info) {
      stores.delete(container);
      throw new HostError(`container ${quote(container)} does not exist`);
    }
    let pending = stores.get(container);
    if (!pending) {
      pending = objm.open(objectStoreName(namespace, container), false);
      stores.set(container, pending);
    }
    return { os: await pending, record: { name: container, createdAt: Date.parse(info.created) } };
  };

  const requireObject = async (container: string, name: string) => {
    const { os } = await requireStore(container);
    const info = await os.info(name);
    if (!info || info.deleted) throw new HostError(`object ${quote(name)} does not exist in container ${quote(container)}`);
    return { os, info };
  };

  const liveNames = async (os: ObjectStore): Promise<string[]> =>
    (await os.list())
      .filter((i) => !i.deleted)
      .map((i) => i.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  return {
    namespace,
    createContainer: (name) =>
      call(async () => {
        checkName('container', name);
        if (await streamInfo(name)) throw new HostError(`container ${quote(name)} already exists`);
        const os = await createObjectStore(objm, objectStoreName(namespace, name));
        stores.set(name, Promise.resolve(os));
        return (await requireStore(name)).record;
      }),
    getContainer: (name) => call(async () => (await requireStore(name)).record),
    containerExists: (name) => call(async () => (await streamInfo(name)) !== undefined),
    deleteContainer: (name) =>
      call(async () => {
        const { os } = await requireStore(name);
        await os.destroy();
        stores.delete(name);
      }),
    getObject: (container, name) =>
      call(async (): Promise<ObjectRecord> => {
        const { os, info } = await requireObject(container, name);
        const bytes = (await os.getBlob(name)) ?? new Uint8Array();
        return { size: bytes.length, createdAt: Date.parse(info.mtime), data: new Blob([bytes as Uint8Array<ArrayBuffer>]) };
      }),
    hasObject: (container, name) =>
      call(async () => {
        const { os } = await requireStore(container);
        const info = await os.info(name);
        return info !== null && !info.deleted;
      }),
    putObject: (container, name, data) =>
      call(async () => {
        checkName('object', name);
        const { os } = await requireStore(container);
        await os.putBlob({ name }, new Uint8Array(await data.arrayBuffer()));
      }),
    deleteObjects: (container, names) =>
      call(async () => {
        const { os } = await requireStore(container);
        for (const name of names) {
          const info = await os.info(name);
          if (info && !info.deleted) await os.delete(name);
        }
      }),
    clear: (container) =>
      call(async () => {
        const { os } = await requireStore(container);
        for (const name of await liveNames(os)) await os.delete(name);
      }),
    listNames: (container, after, count) =>
      call(async () => {
        const { os } = await requireStore(container);
        return (await liveNames(os)).filter((n) => after === undefined || n > after).slice(0, count);
      }),
    copyObject: (src, dest, move) =>
      call(async () => {
        checkName('object', dest.object);
        const { os: from } = await requireObject(src.container, src.object);
        const { os: to } = await requireStore(dest.container);
        if (src.container === dest.container && src.object === dest.object) return;
        const bytes = (await from.getBlob(src.object)) ?? new Uint8Array();
        await to.putBlob({ name: dest.object }, bytes);
        if (move) await from.delete(src.object);
      }),
  };
}

function checkName(kind: 'container' | 'object', name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new HostError(`${kind} name must not be empty`);
}
