import type { HostPackage } from '../hostContract';
import { createWasmcloudMessagingHost } from './createWasmcloudMessagingHost';

export { createWasmcloudMessagingHost, wasmcloudMessagingId, type BrokerMessage } from './createWasmcloudMessagingHost';

/** wasmCloud vendor packages the playground serves. */
export const wasmcloudHosts: HostPackage[] = [createWasmcloudMessagingHost()];
