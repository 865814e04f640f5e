// Test support (used only by *.test.ts): one simulated guest with its own messaging host.
import type { HostContext, InterfaceImpl } from '../hostContract';
import type { TraceEvent } from '../../trace/traceEvent';
import { openBus, type Bus } from './createBus';
import { createMessagingHost } from './createMessagingHost';
import type { Client, Message, MessageTypes, RequestOptions } from './messageTypes';

/** Typed view of the import objects a guest would get from jco. */
export interface GuestImports {
  types: { Client: MessageTypes['Client']; Message: MessageTypes['Message'] };
  producer: { send(client: Client, topic: string, message: Message): void };
  'request-reply': {
    RequestOptions: MessageTypes['RequestOptions'];
    request(client: Client, topic: string, message: Message, options?: RequestOptions): Promise<Message[]>;
    reply(replyTo: Message, message: Message): void;
  };
}

/** A simulated guest: its imports, the trace events and console lines it produced. */
export interface TestGuest {
  imports: GuestImports;
  events: TraceEvent[];
  logs: string[];
  ctx: HostContext;
}

const openBuses: Array<Bus & { close(): void }> = [];

/**
 * Creates a guest with its own BroadcastChannel (like a separate worker) and, when `handle`
 * is given, attaches it as the guest's incoming-handler export.
 */
export async function createTestGuest(
  namespace: string,
  guest: string,
  options: { subscriptions?: string[]; exports?: Record<string, unknown>; tab?: string } = {},
): Promise<TestGuest> {
  const events: TraceEvent[] = [];
  const logs: string[] = [];
  let counter = 0;
  const ctx: HostContext = {
    config: { guest, namespace, subscriptions: options.subscriptions ?? [], buckets: [] },
    tab: options.tab ?? 'tab-test',
    emit: (event) => {
      counter += 1;
      events.push({ ...event, id: `${guest}:${counter}`, guest, tab: 'tab-test', at: event.at ?? Date.now() } as TraceEvent);
    },
    log: (_stream, text) => logs.push(text),
  };
  const host = createMessagingHost({
    busFor: (ns) => {
      const bus = openBus(ns);
      openBuses.push(bus);
      return bus;
    },
  });
  const imports = (await host.create(ctx)) as Record<string, InterfaceImpl> as unknown as GuestImports;
  if (options.exports) await host.attachExports?.(ctx, options.exports);
  return { imports, events, logs, ctx };
}

/** Closes every bus opened by createTestGuest (call in afterEach). */
export function closeTestBuses(): void {
  for (const bus of openBuses.splice(0)) bus.close();
}

/** Polls until `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Bytes of a UTF-8 string. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
