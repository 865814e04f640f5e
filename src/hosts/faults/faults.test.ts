import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError, type HostContext, type InterfaceImpl } from '../hostContract';
import type { MessageEvent_, TraceEvent } from '../../trace/traceEvent';
import { openBus, type Bus, type BusPacket } from '../messaging/createBus';
import { createEnvelope } from '../messaging/createEnvelope';
import { keyvalueDraft2Host } from '../keyvalue/index';
import { createBlobstoreHost } from '../blobstore/index';
import { applyBusFaults } from './applyBusFaults';
import { matchTopic } from '../messaging/matchTopic';
import { applyCallFaults, INJECTED_FAULT } from './applyCallFaults';
import { createRng, rngFor } from './createRng';
import { validateFaultConfig, type FaultConfig } from './faultConfig';

const buses: Array<Bus & { close(): void }> = [];
afterEach(() => buses.splice(0).forEach((b) => b.close()));
let n = 0;

/** A producer whose bus applies `faults`, and a plain receiver on another channel. */
function wire(faults: FaultConfig) {
  const ns = `faults-${process.pid}-${++n}`;
  const events: TraceEvent[] = [];
  const ctx: HostContext = {
    config: { guest: 'p', namespace: ns, subscriptions: [], buckets: [], faults },
    emit: (e) => events.push(e as TraceEvent),
    log: () => undefined,
  };
  const raw = openBus(ns);
  const rx = openBus(ns);
  buses.push(raw, rx);
  const received: string[] = [];
  rx.listen((p) => p.type === 'message' && received.push(new TextDecoder().decode(p.data)));
  const bus = applyBusFaults(raw, ctx);
  const send = (text: string) => {
    const packet: BusPacket = { type: 'message', envelope: createEnvelope({ topic: 't', tab: 'x', guest: 'p' }), data: new TextEncoder().encode(text) };
    bus.post(packet);
  };
  const faultsTraced = () => events.filter((e): e is MessageEvent_ => e.kind === 'message' && e.fault !== undefined);
  return { send, received, faultsTraced };
}

const settle = (ms = 80) => new Promise((r) => setTimeout(r, ms));
const numbers = (count: number) => Array.from({ length: count }, (_, i) => String(i));

describe('seeded PRNG', () => {
  it('repeats for a seed and differs across seeds and streams', () => {
    const seq = (r: ReturnType<typeof createRng>) => [r.next(), r.next(), r.int(1, 6)];
    expect(seq(createRng(7))).toEqual(seq(createRng(7)));
    expect(seq(createRng(7))).not.toEqual(seq(createRng(8)));
    expect(rngFor(7, 'bus').next()).not.toBe(rngFor(7, 'calls').next());
  });
});

describe('bus faults', () => {
  it('drops a reproducible subset and traces each drop', async () => {
    const run = async () => {
      const w = wire({ seed: 42, dropProbability: 0.3 });
      numbers(50).forEach(w.send);
      await settle();
      return w;
    };
    const a = await run();
    const b = await run();
    expect(a.received).toEqual(b.received);
    expect(a.received.length).toBeGreaterThan(20);
    expect(a.received.length).toBeLessThan(50);
    const drops = a.faultsTraced();
    expect(drops.every((e) => e.action === 'drop' && e.fault === 'drop')).toBe(true);
    expect(drops.length + a.received.length).toBe(50);
  });

  it('duplicates with the same envelope id', async () => {
    const w = wire({ seed: 3, duplicateProbability: 1 });
    numbers(5).forEach(w.send);
    await settle();
    expect(w.received).toEqual(['0', '0', '1', '1', '2', '2', '3', '3', '4', '4']);
    expect(w.faultsTraced().map((e) => e.fault)).toEqual(Array(5).fill('duplicate'));
  });

  it('delays within the range', async () => {
    const w = wire({ seed: 5, delayMs: { min: 40, max: 60 } });
    w.send('late');
    await settle(20);
    expect(w.received).toEqual([]);
    await settle(80);
    expect(w.received).toEqual(['late']);
    const ms = Number(/delay (\d+)ms/.exec(w.faultsTraced()[0].fault ?? '')?.[1]);
    expect(ms).toBeGreaterThanOrEqual(40);
    expect(ms).toBeLessThanOrEqual(60);
  });

  it('reorders within a window, reproducibly, losing nothing', async () => {
    const run = async () => {
      const w = wire({ seed: 11, reorderWindow: 4, reorderFlushMs: 20 });
      numbers(10).forEach(w.send); // two full windows and a tail of 2 flushed by the timer
      await settle();
      return w.received;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect([...a].sort((x, y) => Number(x) - Number(y))).toEqual(numbers(10));
    expect(a).not.toEqual(numbers(10));
    // A window never mixes with the next one.
    expect(a.slice(0, 4).sort()).toEqual(['0', '1', '2', '3']);
  });
});

describe('bus faults at delivery', () => {
  /** A guest whose deliveries are faulty, with two listeners (a handler and a request's inbox). */
  function receiver(faults: FaultConfig) {
    const ns = `faults-at-${process.pid}-${++n}`;
    const events: TraceEvent[] = [];
    const ctx: HostContext = {
      config: { guest: 'consumer', namespace: ns, subscriptions: [], buckets: [], faults: { ...faults, messagesAt: 'deliver' } },
      emit: (e) => events.push(e as TraceEvent),
      log: () => undefined,
    };
    const raw = openBus(ns);
    const tx = openBus(ns);
    buses.push(raw, tx);
    const bus = applyBusFaults(raw, ctx);
    const heard: Record<'handler' | 'inbox', string[]> = { handler: [], inbox: [] };
    const hear = (who: 'handler' | 'inbox', pattern: string) => {
      bus.listen((p) => p.type === 'message' && matchTopic(pattern, p.envelope.subject ?? '') && heard[who].push(new TextDecoder().decode(p.data)));
      bus.subscribe!(pattern);
    };
    hear('handler', 'orders.*');
    hear('inbox', 'replies.me');
    const send = (topic: string, text: string) => tx.post({ type: 'message', envelope: createEnvelope({ topic, tab: 'x', guest: 'p' }), data: new TextEncoder().encode(text) });
    const faultsTraced = () => events.filter((e): e is MessageEvent_ => e.kind === 'message' && e.fault !== undefined);
    return { send, heard, faultsTraced };
  }

  it('decides and traces each message once for the guest, not once per listener', async () => {
    const w = receiver({ seed: 3, duplicateProbability: 1 });
    w.send('orders.eu', 'a');
    w.send('replies.me', 'b');
    await settle();
    expect(w.heard).toEqual({ handler: ['a', 'a'], inbox: ['b', 'b'] });
    expect(w.faultsTraced().map((e) => [e.topic, e.fault, e.to])).toEqual([
      ['orders.eu', 'duplicate', 'consumer'],
      ['replies.me', 'duplicate', 'consumer'],
    ]);
  });

  it('leaves alone, and does not trace, messages of topics the guest did not subscribe to', async () => {
    const w = receiver({ seed: 3, dropProbability: 1 });
    w.send('billing.eu', 'not mine');
    w.send('orders.eu', 'mine');
    await settle();
    expect(w.heard).toEqual({ handler: [], inbox: [] });
    expect(w.faultsTraced().map((e) => [e.topic, e.action])).toEqual([['orders.eu', 'drop']]);
  });
});

describe('call faults', () => {
  const ctx = (faults: FaultConfig): HostContext => ({
    config: { guest: 'g', namespace: `cf-${crypto.randomUUID()}`, subscriptions: [], buckets: [], faults },
    emit: () => undefined,
    log: () => undefined,
  });
  const payloadOf = (p: Promise<unknown> | (() => unknown)) =>
    Promise.resolve().then(() => (typeof p === 'function' ? p() : p)).then(() => 'ok', (e: unknown) => (e instanceof HostError ? e.payload : e));

  it('fails the nth keyvalue call with error::other, in place on the Bucket class', async () => {
    const faults: FaultConfig = { calls: [{ iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: '[method]bucket.get', nth: 2 }] };
    const c = ctx(faults);
    const impl = await keyvalueDraft2Host.create(c);
    const imports = applyCallFaults({ 'wasi:keyvalue/store': impl.store }, faults, rngFor(1, 'calls'));
    const store = imports['wasi:keyvalue/store'] as { open(n: string): Promise<{ get(k: string): Promise<unknown> }>; Bucket: unknown };
    expect(store.Bucket).toBe((impl.store as InterfaceImpl).Bucket);
    const bucket = await store.open('b');
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await payloadOf(() => bucket.get('k')));
    expect(results).toEqual(['ok', { tag: 'other', val: INJECTED_FAULT }, 'ok']);
  });

  it('fails blobstore calls with a string by probability, reproducibly', async () => {
    const faults: FaultConfig = { seed: 9, calls: [{ iface: 'wasi:blobstore/blobstore', fn: 'container-exists', probability: 0.5 }] };
    const run = async () => {
      const impl = await createBlobstoreHost().create(ctx(faults));
      const imports = applyCallFaults({ 'wasi:blobstore/blobstore': { ...impl.blobstore } }, faults, rngFor(9, 'calls'));
      const api = imports['wasi:blobstore/blobstore'] as { containerExists(n: string): Promise<boolean> };
      const out: unknown[] = [];
      for (let i = 0; i < 12; i++) out.push(await payloadOf(() => api.containerExists('c')));
      return out;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a).toContain(INJECTED_FAULT);
    expect(a.filter((x) => x === 'ok').length).toBeGreaterThan(0);
  });

  it('validates configs with readable problems', () => {
    expect(validateFaultConfig({ dropProbability: 0.1, calls: [{ iface: 'wasi:keyvalue/store', fn: 'open', nth: 1 }] })).toEqual([]);
    const problems = validateFaultConfig({ dropProbability: 2, delayMs: { min: 5, max: 1 }, calls: [{ iface: 'store', fn: '' }] });
    expect(problems.join('\n')).toMatch(/dropProbability must be a number from 0 to 1/);
    expect(problems.join('\n')).toMatch(/delayMs needs 0 <= min <= max/);
    expect(problems.join('\n')).toMatch(/calls\[0\] needs probability or nth/);
  });
});
