import type { HostPackage } from '../hostContract';
import { createBlobstoreExtHost } from './blobstoreExt/createBlobstoreExtHost';
import { createKeyvalueRangeHost } from './keyvalueRange/createKeyvalueRangeHost';
import { createMessagingExtHost } from './messagingExt/createMessagingExtHost';

export { createKeyvalueRangeHost, keyvalueRangePackageId, MAX_RANGE_RESULTS } from './keyvalueRange/createKeyvalueRangeHost';
export { toKeyBounds, successor, type KeyRange } from './keyvalueRange/toKeyBounds';
export { createBlobstoreExtHost, blobstoreExtPackageId } from './blobstoreExt/createBlobstoreExtHost';
export * from './messagingExt/index';

/**
 * Hosts for the never-standardised proposals debated at the 2022-12-01 WASI meeting
 * (wit/*-0.1.0). Each shares storage, bus and resource classes with its standard package.
 */
export const proposalHosts: HostPackage[] = [createKeyvalueRangeHost(), createMessagingExtHost(), createBlobstoreExtHost()];
