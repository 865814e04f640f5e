import type { BackendConfig } from '../../hostContract';
import type { HostBackend } from '../backendTypes';
import type { Bus } from '../../messaging/busTypes';
import { connectNats, type NatsLink } from './connectNats';
import { createNatsBlobs } from './natsBlobs';
import { createNatsBus } from './natsBus';
import { untilLoss } from './failOnLoss';
import { createKvBuckets, createNatsKv } from './natsKv';
import { createNatsDurable } from './natsDurable';
import { encodeNamePart } from './natsNames';
import { createNatsStreams } from './natsStreams';
import { Kvm } from '@nats-io/kv';
import { createNatsSeal, type NatsSeal } from './natsSeal';
import { natsSealKey } from './natsSealKey';

/**
 * Packages that still keep their state in IndexedDB and would silently be per-browser on
 * NATS; refused with a reason rather than pretending to be shared.
 */
const NOT_ON_NATS: Record<string, string> = {};

/**
 * The NATS backend of one run worker: one WebSocket connection shared by the messaging
 * bus, JetStream key-value and the object store of every host of the guest.
 */
export async function createNatsBackend(config: Extract<BackendConfig, { kind: 'nats' }>): Promise<HostBackend> {
  const link = await connectNats(config, `wasi-cloud-playground ${typeof location === 'undefined' ? '' : location.host}`.trim());
  const key = await natsSealKey().catch((error: unknown) => {
    // Without the shared key this worker's sends cannot be told from a peer's: the trace would
    // mark this browser's own messages as posing. Say why rather than fail the run.
    console.warn('NATS: no seal key in IndexedDB; this browser\'s messages will show as a peer\'s', error);
    return crypto.getRandomValues(new Uint8Array(8));
  });
  return natsBackendOn(link, createNatsSeal(key));
}

/**
 * The backend over a live link (tests in Node link a TCP connection to a real server), its
 * sends sealed with this browser's `seal`.
 */
export function natsBackendOn(link: NatsLink, seal: NatsSeal): HostBackend {
  const buckets = createKvBuckets(link);
  const streamsOf = memo((namespace: string) => createNatsStreams(link, namespace));
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
  };
  // Every bus made on this connection, released (held publications sent) before it drains.
  const buses = new Set<Bus>();
  const kvm = new Kvm(link.nc);
  const offsets = memo((namespace: string) => {
    const name = `${encodeNamePart(namespace)}-offsets`;
    const open = kvm.create(name, { history: 1 }).catch(() => kvm.open(name));
    open.catch(() => offsets.forget(namespace));
    return open;
  });
  return {
    kind: 'nats',
    label: `NATS ${link.servers}`,
    bus: (namespace) => {
      const bus = createNatsBus(link, namespace, { streams: streamsOf(namespace), track }, seal);
      buses.add(bus);
      const release = bus.release.bind(bus);
      bus.release = () => {
        buses.delete(bus);
        release();
      };
      return bus;
    },
    kv: (namespace) => createNatsKv(link, buckets, namespace),
    blobs: (namespace) => createNatsBlobs(link, namespace),
    durable: (namespace) => createNatsDurable(link, namespace, streamsOf(namespace), () => offsets(namespace), seal),
    refuses: (packageId) => NOT_ON_NATS[packageId],
    async close() {
      // Held sends and topic-log entries (holdNatsSends.ts) go out before the connection
      // drains: a log entry's timer firing after it would find the connection refusing.
      for (const bus of buses) bus.release();
      buses.clear();
      // Sends still waiting for their topic's stream go out before the connection drains.
      // Not once the connection is lost: they wait for a server that is gone.
      await untilLoss(link, Promise.allSettled([...pending]));
      await link.nc.drain().catch(() => undefined);
    },
  };
}

/** One value per key for the life of the backend; `forget` drops a failed one. */
function memo<T>(make: (key: string) => T): ((key: string) => T) & { forget(key: string): void } {
  const values = new Map<string, T>();
  const get = (key: string): T => {
    if (!values.has(key)) values.set(key, make(key));
    return values.get(key) as T;
  };
  return Object.assign(get, { forget: (key: string) => void values.delete(key) });
}
