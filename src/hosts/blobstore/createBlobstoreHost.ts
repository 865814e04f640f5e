import type { HostContext, HostPackage, InterfaceImpl } from '../hostContract';
import { backendOf } from '../backend/backendOf';
import type { ObjectId } from './blobStore';
import { Container, StreamObjectNames } from './containerResource';
import { IncomingValue, OutgoingValue } from './values';

/**
 * `wasi:blobstore@0.2.0-draft` backed by IndexedDB (`${namespace}-blob`).
 *
 * Wiring with wasi:io: the `types` and `container` interfaces `use`
 * `wasi:io/streams.{input-stream, output-stream}`, and jco checks stream handles against
 * the classes given for `wasi:io/streams`. The bodies here are created with
 * `createInputStream`/`createOutputStream` from `src/hosts/io`, whose classes are module
 * singletons, so the runtime only has to register `ioHost` (src/hosts/io) for `wasi:io`
 * in the same worker, never preview2-shim's io. The classes are also module-level so a
 * companion package (proposal:blobstore-ext) can accept this package's `Container`.
 */
export function createBlobstoreHost(): HostPackage {
  return {
    id: 'wasi:blobstore@0.2.0-draft',
    description: 'Containers of objects stored as Blobs in IndexedDB; bodies via wasi:io streams',
    create(ctx: HostContext): Record<string, InterfaceImpl> {
      // IndexedDB Blobs, or a NATS object store per container (backend/).
      const store = backendOf(ctx).blobs(ctx.config.namespace);
      return {
        types: { OutgoingValue, IncomingValue },
        container: { Container, StreamObjectNames },
        blobstore: {
          async createContainer(name: string) {
            await store.createContainer(name);
            return new Container(store, name);
          },
          async getContainer(name: string) {
            await store.getContainer(name);
            return new Container(store, name);
          },
          deleteContainer: (name: string) => store.deleteContainer(name),
          containerExists: (name: string) => store.containerExists(name),
          copyObject: (src: ObjectId, dest: ObjectId) => store.copyObject(src, dest, false),
          moveObject: (src: ObjectId, dest: ObjectId) => store.copyObject(src, dest, true),
        },
      };
    },
  };
}
