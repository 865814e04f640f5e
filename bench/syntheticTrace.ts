import type { TraceEvent } from '../src/index';

const GUESTS = ['order-service', 'all-orders', 'payments', 'shipping', 'audit'];
const TOPICS = ['orders.created', 'orders.paid', 'orders.shipped', 'orders.cancelled', 'jobs', 'greet'];
const STORES = ['counters', 'orders', 'sessions'];
const enc = new TextEncoder();

/**
 * A realistic trace mix for the diagram benchmark: a producer's send is followed by a
 * delivery + ack per subscriber, handlers read the message (calls with topic targets) and
 * touch key-value stores; now and then a failure or a guest lifecycle event.
 * Deterministic for a given `seed` and counter so runs compare.
 */
export function createSyntheticTrace(tab: string, seed = 1) {
  let n = 0;
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const base = (guest: string, at: number) => ({ id: `bench:${seed}:${n++}`, guest, tab, at });

  /** Next `count` events, timestamped from `at` on (≈0.1 ms apart). */
  return function next(count: number, at: number): TraceEvent[] {
    const out: TraceEvent[] = [];
    while (out.length < count) {
      const t = at + out.length * 0.1;
      const r = rand();
      const topic = pick(TOPICS);
      if (r < 0.3) {
        const data = enc.encode(JSON.stringify({ order: 1000 + n, amount: Math.round(rand() * 10000) / 100, currency: 'EUR' }));
        const envelope = { id: `e-${n}`, source: `/wcp/${tab}/order-service`, type: 'wasi.messaging.message', specversion: '1.0', subject: topic, datacontenttype: 'application/json', time: new Date(t).toISOString() };
        out.push({ ...base('order-service', t), kind: 'message', action: 'send', topic, envelope, data });
        const to = pick(GUESTS.slice(1));
        out.push({ ...base(to, t + 0.05), kind: 'message', action: 'deliver', topic, envelope, data, to });
        out.push({ ...base(to, t + 0.08), kind: 'message', action: rand() < 0.03 ? 'nack' : 'ack', topic, envelope, data, to });
      } else if (r < 0.55) {
        out.push({ ...base(pick(GUESTS), t), kind: 'call', iface: 'wasi:messaging/types@0.2.0-draft', fn: pick(['[method]message.topic', '[method]message.data', '[method]message.metadata']), args: [], result: topic, ok: true, ms: 0.02, target: { type: 'topic', name: topic }, dir: 'import' });
      } else if (r < 0.97) {
        const ok = rand() > 0.02;
        out.push({ ...base(pick(GUESTS), t), kind: 'call', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: pick(['[method]bucket.get', '[method]bucket.set', '[method]bucket.exists']), args: [`key-${n % 50}`], result: ok ? { bytes: 8 } : { tag: 'other', val: 'quota' }, ok, ms: rand() * 3, target: { type: 'store', name: pick(STORES) }, dir: 'import' });
      } else {
        out.push({ ...base(pick(GUESTS), t), kind: 'lifecycle', phase: pick(['start', 'exit']), detail: 'ok', ms: 1 });
      }
    }
    return out.slice(0, count);
  };
}

export const syntheticGuests = GUESTS;
