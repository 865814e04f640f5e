export type { BlobStorage, DurableConsumeOptions, DurableDelivery, DurableMessaging, HostBackend, KvChange, KvStorage, KvUpdateStep, LogReader } from './backendTypes';
export { backendOf } from './backendOf';
export { browserBackend } from './browserBackend';
export { createHostBackend } from './createHostBackend';
