import type { HostPackage } from '../hostContract';
import { createBlobstoreHost } from './createBlobstoreHost';

export { createBlobstoreHost } from './createBlobstoreHost';
export { BlobStore, type ObjectId } from './blobStore';
export { Container, StreamObjectNames } from './containerResource';
export { IncomingValue, OutgoingValue } from './values';
export { resolveRange } from './resolveRange';

/**
 * Host packages of this area. wasi:blobstore needs `ioHost` (src/hosts/io) registered for
 * `wasi:io@0.2.2` in the same run; it is not repeated here so a run holds it only once.
 */
export const blobstoreHosts: HostPackage[] = [createBlobstoreHost()];
