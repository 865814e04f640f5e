import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostContext, InterfaceImpl } from './hostContract';
import { answersSync, GLUE_SYNC_MARK, isAnswersSync } from './answersSync';
import { openBus, type Bus } from './messaging/createBus';
import { createMessagingHost } from './messaging/createMessagingHost';
import { closeTestBuses, createTestGuest, utf8 } from './messaging/createTestGuest';
import { closeExtGuests, createExtGuest } from './proposals/messagingExt/testGuests';
import { applyCallFaults } from './faults/applyCallFaults';
import { rngFor } from './faults/createRng';
import { wrapInterface } from '../runtime/wrapInterface';

let n = 0;
const fresh = () => `test-answers-sync-${process.pid}-${++n}`;
afterEach(() => {
  closeTestBuses();
  closeExtGuests();
});

const isThenable = (v: unknown) => v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';

describe('host functions marked as always answering synchronously', () => {
  it('messaging types: the message, client and request-options functions are marked and answer with plain values', async () => {
    const g = await createTestGuest(fresh(), 'g');
    const { Message, Client } = g.imports.types;
    const { RequestOptions } = g.imports['request-reply'];
    const proto = Message.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['topic', 'contentType', 'setContentType', 'data', 'setData', 'metadata', 'addMetadata', 'setMetadata', 'removeMetadata']) expect(isAnswersSync(proto[name]), name).toBe(true);
    expect(isAnswersSync(Message)).toBe(true);
    expect(isAnswersSync(Client.connect)).toBe(true);
    expect(isAnswersSync((Client.connect('c') as unknown as { disconnect: unknown }).disconnect)).toBe(true);
    expect(isAnswersSync(RequestOptions)).toBe(true);
    expect(isAnswersSync(RequestOptions.prototype.setTimeoutMs)).toBe(true);
    expect(isAnswersSync(RequestOptions.prototype.setExpectedReplies)).toBe(true);
    // Each answers with a plain value.
    const m = new Message(utf8('x'));
    const answers = [m.topic(), m.contentType(), m.setContentType('text/plain'), m.data(), m.setData(utf8('y')), m.metadata(), m.addMetadata('k', 'v'), m.setMetadata([['a', 'b']]), m.removeMetadata('a')];
    expect(answers.some(isThenable)).toBe(false);
    // Request is not: it waits for replies.
    expect(isAnswersSync(g.imports['request-reply'].request)).toBe(false);
  });

  it('send and reply on the BroadcastChannel bus are marked and never return a Promise; on a bus with settled (NATS) they are not', async () => {
    const g = await createTestGuest(fresh(), 'g');
    const client = g.imports.types.Client.connect('c');
    expect(isAnswersSync(g.imports.producer.send)).toBe(true);
    expect(isAnswersSync(g.imports['request-reply'].reply)).toBe(true);
    for (let i = 0; i < 200; i++) expect(isThenable(g.imports.producer.send(client, 't', new g.imports.types.Message(utf8(`m${i}`))))).toBe(false);

    const buses: Array<Bus & { close(): void }> = [];
    const host = createMessagingHost({
      busFor: (ns) => {
        const bus = openBus(ns);
        buses.push(bus);
        return { ...bus, settled: () => Promise.resolve() };
      },
    });
    const ctx: HostContext = { config: { guest: 'nats-like', namespace: fresh(), subscriptions: [], buckets: [] }, emit: () => undefined, log: () => undefined };
    const imports = (await host.create(ctx)) as Record<string, InterfaceImpl>;
    expect(isAnswersSync(imports.producer.send)).toBe(false);
    expect(isAnswersSync(imports['request-reply'].reply)).toBe(false);
    buses.forEach((b) => b.close());
  });

  it('messaging-ext: subscribe is marked; subscribe-from and consumer.receive (IndexedDB, timeouts) are not', async () => {
    const g = await createExtGuest(fresh(), 'g');
    const imports = g.imports as unknown as Record<string, Record<string, { prototype?: Record<string, unknown> }>>;
    expect(isAnswersSync(imports['receive-timeout'].subscribe)).toBe(true);
    expect(isThenable((imports['receive-timeout'].subscribe as unknown as (c: unknown, t: string) => unknown)(g.client, 'a.*'))).toBe(false);
    expect(isAnswersSync(imports.offsets.subscribeFrom)).toBe(false);
    expect(isAnswersSync(imports.offsets.Consumer.prototype!.receive)).toBe(false);
    expect(isAnswersSync(imports['receive-timeout'].Subscription.prototype!.receive)).toBe(false);
  });
});

describe('the mark on its way to the glue', () => {
  const sink = () => undefined;
  const opts = { ifaceId: 'x:y/z@1.0.0', asyncImports: new Set(['x:y/z@1.0.0#f', 'x:y/z@1.0.0#g']), sink };
  const marked = (fn: unknown) => (fn as Record<symbol, unknown>)[GLUE_SYNC_MARK] === true;

  it('wrapInterface sets the glue mark on marked functions and classes only, never for a linked guest', () => {
    class R {
      m() { return 1; }
    }
    answersSync(R);
    answersSync(R.prototype.m);
    const impl = { f: answersSync(() => 1), g: () => 2, R };
    const out = wrapInterface(impl as unknown as InterfaceImpl, opts);
    expect(marked(out.f)).toBe(true);
    expect(marked(out.g)).toBe(false);
    expect(marked(R)).toBe(true);
    expect(marked(R.prototype.m)).toBe(true);
    const linked = wrapInterface({ f: answersSync(() => 1) } as unknown as InterfaceImpl, { ...opts, servedBy: 'provider' });
    expect(marked(linked.f)).toBe(false);
    class L {}
    Object.defineProperty(L, GLUE_SYNC_MARK, { value: true, configurable: true });
    wrapInterface({ L } as unknown as InterfaceImpl, opts);
    // A mark the host set itself is cleared: only answersSync counts.
    expect(marked(L)).toBe(false);
  });

  it('a marked function that returns a Promise fails with a RuntimeError naming it (the guest traps, no Promise is lowered)', () => {
    const events: unknown[] = [];
    const out = wrapInterface({ f: answersSync(() => Promise.resolve(1)) } as unknown as InterfaceImpl, { ...opts, sink: (e) => events.push(e) });
    expect(() => (out.f as () => unknown)()).toThrow(WebAssembly.RuntimeError);
    expect(() => (out.f as () => unknown)()).toThrow('host function x:y/z@1.0.0#f is marked as answering synchronously but returned a Promise');
    expect(events).toHaveLength(2);
  });

  it('injected call faults keep the mark (they throw synchronously)', () => {
    const impl = { f: answersSync(() => 1), g: () => 2 };
    const out = applyCallFaults({ 'x:y/z': impl as unknown as InterfaceImpl }, { calls: [{ iface: 'x:y/z', fn: 'f', nth: 2 }, { iface: 'x:y/z', fn: 'g', nth: 1 }] } as never, rngFor(1, 'calls'))['x:y/z'];
    expect(isAnswersSync(out.f)).toBe(true);
    expect(isAnswersSync(out.g)).toBe(false);
  });
});
