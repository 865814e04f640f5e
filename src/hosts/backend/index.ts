export type { BlobStorage, HostBackend, KvChange, KvStorage, KvUpdateStep } from './backendTypes';
export { backendOf } from './backendOf';
export { browserBackend } from './browserBackend';
export { createHostBackend } from './createHostBackend';
