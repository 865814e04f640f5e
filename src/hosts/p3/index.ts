import type { HostPackage } from '../hostContract';
import { createKeyvalueP3Host } from './createKeyvalueP3Host';
import { createMessagingP3Host } from './createMessagingP3Host';
import { createBlobstoreP3Host } from './createBlobstoreP3Host';

export { createKeyvalueP3Host, keyvalueP3PackageId } from './createKeyvalueP3Host';
export { createBlobstoreP3Host, blobstoreP3PackageId, STREAM_CHUNK } from './createBlobstoreP3Host';
export { readHostStream, type GuestStream } from './readHostStream';
export { createMessagingP3Host, messagingP3PackageId, findP3Handler, type MessageRecord } from './createMessagingP3Host';

/**
 * Hosts of the WASI 0.3 proposal packages (wit/*-p3-*). They reuse the 0.2 hosts' storage
 * and bus helpers, so 0.2 and 0.3 guests share one store and one bus.
 */
export const p3Hosts: HostPackage[] = [createKeyvalueP3Host(), createMessagingP3Host(), createBlobstoreP3Host()];
