// Test support (used only by *.test.ts): a real nats-server for Vitest, and guests whose
// hosts run on it exactly as in a run worker, over a TCP connection (Node has no WebSocket).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { findNatsServer, spawnNatsServer } from '../../../../scripts/startNats.mjs';
import type { HostContext, InterfaceImpl } from '../../hostContract';
import type { TraceEvent } from '../../../trace/traceEvent';
import type { FaultConfig } from '../../faults/faultConfig';
import { createMessagingHost } from '../../messaging/createMessagingHost';
import { settlingBuses } from '../../messaging/settleBuses';
import type { Message } from '../../messaging/messageTypes';
import { deliveryExtensionOf } from '../../messaging/messagingExtension';
import { createMessagingExtHost } from '../../proposals/messagingExt/createMessagingExtHost';
import type { ExtGuest, ExtGuestImports } from '../../proposals/messagingExt/testGuests';
import type { HostBackend } from '../backendTypes';
import { linkNats } from './connectNats';
import { natsBackendOn } from './createNatsBackend';
import { createNatsSeal } from './natsSeal';
import { encodeNamePart } from './natsNames';

/** True when nats-server is installed (the tests that need one are skipped otherwise). */
export const haveNatsServer = findNatsServer() !== undefined;

/** A nats-server on free loopback ports with JetStream in a temp directory. */
export interface TestNatsServer {
  /** host:port for Node clients. */
  address: string;
  stop(): Promise<void>;
  /** Sends the server's process a signal (SIGSTOP, SIGKILL): the server going away mid-request. */
  signal(name: NodeJS.Signals): void;
}

export async function startTestNatsServer(): Promise<TestNatsServer> {
  // Free ports picked by the OS: engineers and CI run suites side by side on one machine.
  const [port, wsPort] = [await freePort(), await freePort()];
  const storeDir = mkdtempSync(join(tmpdir(), 'wcp-nats-unit-'));
  const server = await spawnNatsServer({ port, wsPort, storeDir }).catch((error: unknown) => {
    rmSync(storeDir, { recursive: true, force: true });
    throw error;
  });
  return {
    address: `127.0.0.1:${port}`,
    signal: (name) => void server.signal(name),
    async stop() {
      await server.stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** The seal key of the browser the test guests run in (another browser has another key). */
export const TEST_BROWSER_KEY = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);

/** A run worker's NATS backend: its own connection, as each worker has. */
export async function natsBackendFor(server: TestNatsServer, key: Uint8Array = TEST_BROWSER_KEY): Promise<HostBackend> {
  const nc = await connect({ servers: server.address, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
  return natsBackendOn(linkNats(nc, server.address), createNatsSeal(key));
}

const opened: Array<{ ctx: HostContext; backend: HostBackend }> = [];

/**
 * A guest with wasi:messaging + proposal:messaging-ext on `server`, optionally with a handler
 * (`acks: false`: wasi:messaging alone, its handler fed by the bus); `key` is its browser's.
 */
export async function createNatsExtGuest(
  server: TestNatsServer,
  namespace: string,
  guest: string,
  options: { subscriptions?: string[]; handle?: (m: Message) => unknown; leaseMs?: number; maxRedeliveries?: number; faults?: FaultConfig; tab?: string; acks?: boolean; key?: Uint8Array } = {},
): Promise<ExtGuest> {
  const backend = await natsBackendFor(server, options.key);
  const events: TraceEvent[] = [];
  const logs: string[] = [];
  let n = 0;
  const ctx: HostContext = {
    config: { guest, namespace, subscriptions: options.subscriptions ?? [], buckets: [], ...(options.faults ? { faults: options.faults } : {}) },
    emit: (e) => { events.push({ ...e, id: `${guest}:${++n}`, guest, tab: options.tab ?? 't', at: Date.now() } as TraceEvent); },
    log: (_s, text) => logs.push(text),
    backend,
    ...(options.tab ? { tab: options.tab } : {}),
  };
  opened.push({ ctx, backend });
  const messaging = createMessagingHost();
  const ext = createMessagingExtHost({ messaging, leaseMs: options.leaseMs ?? 2000, maxRedeliveries: options.maxRedeliveries ?? 3 });
  const imports = { ...(await messaging.create(ctx)), ...(options.acks === false ? {} : await ext.create(ctx)) } as Record<string, InterfaceImpl> as unknown as ExtGuestImports;
  if (options.handle) await messaging.attachExports?.(ctx, { incomingHandler: { handle: options.handle } });
  // What the run worker does before it reports the guest instantiated (runWorker.ts).
  await settlingBuses();
  const kill = () => halt(ctx);
  return { imports, client: imports.types.Client.connect('c'), events, logs, ctx, kill };
}

/** Ends every guest made by createNatsExtGuest and closes their connections (afterEach). */
export async function closeNatsExtGuests(): Promise<void> {
  for (const { ctx, backend } of opened.splice(0)) {
    halt(ctx);
    await backend.close();
  }
}

/** What each consumer of a namespace's stream still holds: not yet sent out, or unacked. */
export async function heldOnServer(server: TestNatsServer, namespace: string): Promise<Record<string, number>> {
  const nc = await connect({ servers: server.address });
  try {
    const held: Record<string, number> = {};
    for await (const c of (await jetstreamManager(nc)).consumers.list(`${encodeNamePart(namespace)}-msgs`)) held[c.name] = c.num_pending + c.num_ack_pending;
    return held;
  } finally {
    await nc.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Stops the guest's durable consumers (what ending its worker does). */
function halt(ctx: HostContext): void {
  (deliveryExtensionOf(ctx) as { halt?: () => void } | undefined)?.halt?.();
}
