import type { BackendConfig } from '../../hostContract';
import type { HostBackend } from '../backendTypes';
import { connectNats } from './connectNats';
import { createNatsBlobs } from './natsBlobs';
import { createNatsBus } from './natsBus';
import { createKvBuckets, createNatsKv } from './natsKv';

/**
 * Packages that still keep their state in IndexedDB and would silently be per-browser on
 * NATS; refused with a reason rather than pretending to be shared.
 */
const NOT_ON_NATS: Record<string, string> = {
  'proposal:messaging-ext@0.1.0': 'acks and offsets are not on NATS JetStream yet; switch Hosts run on to "this browser" for this example',
};

/**
 * The NATS backend of one run worker: one WebSocket connection shared by the messaging
 * bus, JetStream key-value and the object store of every host of the guest.
 */
export async function createNatsBackend(config: Extract<BackendConfig, { kind: 'nats' }>): Promise<HostBackend> {
  const link = await connectNats(config, `wasi-cloud-playground ${typeof location === 'undefined' ? '' : location.host}`.trim());
  const buckets = createKvBuckets(link);
  return {
    kind: 'nats',
    label: `NATS ${link.servers}`,
    bus: (namespace) => createNatsBus(link, namespace),
    kv: (namespace) => createNatsKv(link, buckets, namespace),
    blobs: (namespace) => createNatsBlobs(link, namespace),
    refuses: (packageId) => NOT_ON_NATS[packageId],
    close: () => link.nc.drain().catch(() => undefined),
  };
}
