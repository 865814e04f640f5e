// Test support (used only by *.test.ts): guests with wasi:messaging + proposal:messaging-ext.
import type { HostContext, InterfaceImpl } from '../../hostContract';
import type { TraceEvent } from '../../../trace/traceEvent';
import type { FaultConfig } from '../../faults/faultConfig';
import { openBus, type Bus } from '../../messaging/createBus';
import { createMessagingHost } from '../../messaging/createMessagingHost';
import type { Client, Message } from '../../messaging/messageTypes';
import { deliveryExtensionOf } from '../../messaging/messagingExtension';
import { createMessagingExtHost } from './createMessagingExtHost';
import type { LeaseDelivery } from './leaseDelivery';

/** Loose typed view of the imports a guest gets. */
export interface ExtGuestImports {
  types: { Client: { connect(name: string): Client }; Message: new (data: Uint8Array) => Message };
  producer: { send(c: Client, topic: string, m: Message): void };
  acks: { ack(m: Message): Promise<void>; nack(m: Message, requeue: boolean): Promise<void> };
  offsets: {
    subscribeFrom(c: Client, topic: string, offset: bigint): Promise<{ receive(ms: number): Promise<[bigint, Message] | undefined>; commit(o: bigint): Promise<void> }>;
  };
  'receive-timeout': { subscribe(c: Client, topic: string): { receive(ms: number): Promise<Message | undefined> } };
}

export interface ExtGuest {
  imports: ExtGuestImports;
  client: Client;
  events: TraceEvent[];
  logs: string[];
  ctx: HostContext;
  /** Simulates `worker.terminate()`: no more heartbeats, reclaims or bus traffic. */
  kill(): void;
}

const opened: Array<{ bus: Bus & { close(): void }; ctx: HostContext }> = [];

/** A guest on its own BroadcastChannel (like its own worker), optionally with a handler. */
export async function createExtGuest(
  namespace: string,
  guest: string,
  options: { subscriptions?: string[]; handle?: (m: Message) => unknown; leaseMs?: number; maxRedeliveries?: number; faults?: FaultConfig } = {},
): Promise<ExtGuest> {
  const events: TraceEvent[] = [];
  const logs: string[] = [];
  let n = 0;
  const ctx: HostContext = {
    config: { guest, namespace, subscriptions: options.subscriptions ?? [], buckets: [], ...(options.faults ? { faults: options.faults } : {}) },
    emit: (e) => { events.push({ ...e, id: `${guest}:${++n}`, guest, tab: 't', at: Date.now() } as TraceEvent); },
    log: (_s, text) => logs.push(text),
  };
  const bus = openBus(namespace);
  opened.push({ bus, ctx });
  const messaging = createMessagingHost({ busFor: () => bus });
  const ext = createMessagingExtHost({ messaging, leaseMs: options.leaseMs ?? 150, maxRedeliveries: options.maxRedeliveries ?? 3 });
  const imports = { ...(await messaging.create(ctx)), ...(await ext.create(ctx)) } as Record<string, InterfaceImpl> as unknown as ExtGuestImports;
  if (options.handle) await messaging.attachExports?.(ctx, { incomingHandler: { handle: options.handle } });
  const kill = () => {
    (deliveryExtensionOf(ctx) as LeaseDelivery | undefined)?.halt();
    bus.close();
  };
  return { imports, client: imports.types.Client.connect('c'), events, logs, ctx, kill };
}

/** Ends every guest made by createExtGuest (afterEach). */
export function closeExtGuests(): void {
  for (const { bus, ctx } of opened.splice(0)) {
    (deliveryExtensionOf(ctx) as LeaseDelivery | undefined)?.halt();
    bus.close();
  }
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const textOf = (m: Message) => new TextDecoder().decode(m.data());
