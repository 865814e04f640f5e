import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/index';
import { aggregateEdges, createFlowNodes, customHostOf, stepOf } from './flowGraph';
import { layoutFlow } from './layoutFlow';
import { filterIndices } from './timelineFilter';

let n = 0;
const base = (guest: string) => ({ id: `t:${n++}`, guest, tab: 'tab-a', at: 1000 + n });
const msg = (guest: string, action: 'send' | 'deliver' | 'ack' | 'drop', topic: string, to?: string): TraceEvent => ({ ...base(guest), kind: 'message', action, topic, envelope: { subject: topic }, data: new Uint8Array(), to });
const call = (guest: string, fn: string, target?: { type: 'store' | 'topic' | 'container'; name: string }, ok = true): TraceEvent => ({ ...base(guest), kind: 'call', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn, args: [], ok, ms: 1, target, dir: 'import' });

const events: TraceEvent[] = [
  msg('order-service', 'send', 'orders.paid'),
  msg('payments', 'deliver', 'orders.paid', 'payments'),
  msg('all-orders', 'deliver', 'orders.paid', 'all-orders'),
  msg('payments', 'ack', 'orders.paid', 'payments'),
  msg('order-service', 'send', 'orders.created'),
  msg('order-service', 'send', '_inbox.1234'),
  call('counter', '[method]bucket.get', { type: 'store', name: 'counters' }),
  call('counter', '[method]bucket.set', { type: 'store', name: 'counters' }, false),
  call('counter', 'open'),
];

describe('custom hosts', () => {
  it('draws calls to host code the playground does not ship as arrows to a host node', () => {
    const e: TraceEvent = { ...base('ttl-user'), kind: 'call', iface: 'proposal:kv-ttl/ttl@0.1.0', fn: 'set-with-ttl', args: [], ok: true, ms: 1, dir: 'import' };
    expect(stepOf(e)).toMatchObject({ from: 'guest:ttl-user', to: 'host:proposal:kv-ttl', family: 'call', label: 'set-with-ttl' });
  });

  it('leaves the built-in hosts and WASI plumbing alone', () => {
    expect(customHostOf('wasi:keyvalue/store@0.2.0-draft2')).toBeUndefined();
    expect(customHostOf('wasi:messaging/producer@0.2.0-draft')).toBeUndefined();
    expect(customHostOf('wasi:cli/stdout@0.2.2')).toBeUndefined();
    expect(customHostOf('wasi:io/streams@0.2.2')).toBeUndefined();
    expect(customHostOf('proposal:kv-ttl/testing@0.1.0')).toBe('proposal:kv-ttl');
  });
});

describe('flow graph', () => {
  it("draws a standard handler's dropped message as its answer to the delivery, labelled with why", () => {
    const dropped: TraceEvent = { ...msg('payments', 'drop', 'orders.paid', 'payments'), reason: 'handler returned err' } as TraceEvent;
    expect(stepOf(dropped)).toMatchObject({ from: 'guest:payments', to: 'topic:orders.paid', family: 'ack', label: 'drop (handler returned err)', bad: true });
    // A drop on the network (an injected fault) stays the sender's message arrow.
    const lost: TraceEvent = { ...msg('order-service', 'drop', 'orders.paid'), fault: 'drop' } as TraceEvent;
    expect(stepOf(lost)).toMatchObject({ from: 'guest:order-service', to: 'topic:orders.paid', family: 'message', label: 'drop (drop)', bad: true });
  });

  it('maps events to arrows: send guest→topic, deliver topic→guest, calls guest→target', () => {
    expect(stepOf(events[0])).toMatchObject({ from: 'guest:order-service', to: 'topic:orders.paid', family: 'message' });
    expect(stepOf(events[1])).toMatchObject({ from: 'topic:orders.paid', to: 'guest:payments', family: 'message' });
    expect(stepOf(events[3])).toMatchObject({ from: 'guest:payments', to: 'topic:orders.paid', family: 'ack' });
    expect(stepOf(events[5]).to).toBe('topic:_inbox.*');
    expect(stepOf(events[6])).toMatchObject({ from: 'guest:counter', to: 'store:counters', family: 'call', label: 'bucket.get' });
    expect(stepOf(events[8])).toMatchObject({ from: 'guest:counter', to: 'guest:counter', family: 'self' });
  });

  it('aggregates edge counts up to an end index and remembers the newest event per edge', () => {
    const at = (i: number) => events[i];
    const all = aggregateEdges(at, events.length);
    const store = all.find((e) => e.to === 'store:counters');
    expect(store).toMatchObject({ count: 2, bad: 1, lastIndex: 7 });
    expect(all.some((e) => e.family === ('ack' as never))).toBe(false);
    const early = aggregateEdges(at, 2);
    expect(early.map((e) => e.key)).toEqual(['message|guest:order-service|topic:orders.paid', 'message|topic:orders.paid|guest:payments']);
  });

  it('keeps node slots stable and lays guests, topics and stores out in three columns', () => {
    const nodes = createFlowNodes();
    nodes.seedGuests(['all-orders', 'payments', 'order-service']);
    for (const e of events) nodes.observe(e, e.guest === 'counter');
    const names = nodes.list.map((x) => x.id);
    expect(names.slice(0, 3)).toEqual(['guest:all-orders', 'guest:payments', 'guest:order-service']);
    expect(nodes.get('guest:counter')?.otherTab).toBe(true);
    expect(nodes.get('guest:payments')?.otherTab).toBe(false);
    const { boxes } = layoutFlow(nodes.list, 600, 300);
    const x = (id: string) => boxes.get(id)!.x;
    expect(x('guest:payments')).toBeLessThan(x('topic:orders.paid'));
    expect(x('topic:orders.paid')).toBeLessThan(x('store:counters'));
    expect(boxes.get('guest:all-orders')!.y).toBeLessThan(boxes.get('guest:payments')!.y);
    // A later node never moves earlier ones.
    const before = layoutFlow(nodes.list, 600, 2000).boxes.get('topic:orders.paid')!;
    nodes.observe(msg('x', 'send', 'zzz'), false);
    const after = layoutFlow(nodes.list, 600, 2000).boxes.get('topic:orders.paid')!;
    expect(after.x).toBe(before.x);
  });

  it('filters the timeline by guest (incl. deliveries to it), topic, kind and text', () => {
    const at = (i: number) => events[i];
    const f = { guest: '', topic: '', kind: '', text: '' };
    expect(filterIndices(at, events.length, { ...f, topic: 'orders.paid' })).toEqual([0, 1, 2, 3]);
    expect(filterIndices(at, events.length, { ...f, guest: 'payments' })).toEqual([1, 3]);
    expect(filterIndices(at, events.length, { ...f, kind: 'deliver' })).toEqual([1, 2]);
    expect(filterIndices(at, events.length, { ...f, kind: 'call', text: 'set' })).toEqual([7]);
    expect(filterIndices(at, 3, f)).toEqual([0, 1, 2]);
  });
});

describe('timeline order', () => {
  const ev = (at: number): TraceEvent => ({ id: `o:${at}:${Math.random()}`, guest: 'g', tab: 't', at, kind: 'lifecycle', phase: 'start' });
  it('orders rows by time even when batches arrive out of order, keeping arrival order for ties', () => {
    const ring = [ev(5), ev(6), ev(1), ev(2), ev(7), ev(2)];
    expect(filterIndices((i) => ring[i], ring.length, { guest: '', topic: '', kind: '', text: '' })).toEqual([2, 3, 5, 0, 1, 4]);
  });
  it('falls back to a full sort for badly shuffled input', () => {
    const ring = Array.from({ length: 400 }, (_, i) => ev(400 - i));
    const out = filterIndices((i) => ring[i], ring.length, { guest: '', topic: '', kind: '', text: '' });
    expect(out[0]).toBe(399);
    expect(out[399]).toBe(0);
  });
});

describe('edge window', () => {
  it('matches a full aggregation of what a bounded ring holds, across evictions', async () => {
    const { createEdgeWindow } = await import('./createEdgeWindow');
    const win = createEdgeWindow();
    const capacity = 5;
    const all: TraceEvent[] = [];
    for (let k = 0; k < 12; k++) all.push(k % 3 === 0 ? call('c', 'get', { type: 'store', name: 's' }, k % 2 === 0) : msg('p', 'send', k % 2 ? 'a' : 'b'));
    for (let total = 1; total <= all.length; total++) {
      win.add(total - 1, all[total - 1]);
      const first = Math.max(0, total - capacity);
      win.evictBefore(first);
      const ring = all.slice(first, total);
      const expected = aggregateEdges((i) => ring[i], ring.length).sort((x, y) => x.key.localeCompare(y.key));
      const got = win.list((abs) => abs - first).sort((x, y) => x.key.localeCompare(y.key));
      expect(got).toEqual(expected);
    }
  });
});

describe('guests linked to guests', () => {
  it('draws caller → serving guest → store, with the serving guest in the middle column', () => {
    const viaMiddleware: TraceEvent = { ...base('notes'), kind: 'call', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: '[method]bucket.set', args: ['greeting'], ok: true, ms: 2, dir: 'import', servedBy: 'kv-namespace' };
    const toHost = call('kv-namespace', '[method]bucket.set', { type: 'store', name: 'notes' });
    expect(stepOf(viaMiddleware)).toMatchObject({ from: 'guest:notes', to: 'guest:kv-namespace', family: 'call', label: 'bucket.set' });
    const nodes = createFlowNodes();
    nodes.seedGuests(['kv-namespace', 'notes']);
    const before = nodes.list;
    nodes.observe(viaMiddleware, false);
    nodes.observe(toHost, false);
    expect(nodes.list).not.toBe(before);
    expect(nodes.get('guest:kv-namespace')?.serves).toBe(true);
    expect(nodes.get('guest:notes')?.serves).toBeUndefined();
    const layout = layoutFlow(nodes.list, 900, 400);
    const [notes, middle, store] = ['guest:notes', 'guest:kv-namespace', 'store:notes'].map((id) => layout.boxes.get(id)!.x);
    expect(notes).toBeLessThan(middle);
    expect(middle).toBeLessThan(store);
    expect(layout.columns.map((c) => c.label)).toEqual(['guests', 'serving guests', 'stores']);
    const edges = aggregateEdges((i) => [viaMiddleware, toHost][i], 2).map((e) => `${e.from}→${e.to}`);
    expect(edges).toEqual(['guest:notes→guest:kv-namespace', 'guest:kv-namespace→store:notes']);
  });
});
