import { afterEach, describe, expect, it } from 'vitest';
import { createTraceStore, type TraceEvent, type TraceStore } from '../../src/index';
import { createTraceIngest } from './createTraceIngest';
import { aggregateEdges } from './flowGraph';

const send = (guest: string, i: number): TraceEvent => ({ id: `${guest}:${i}`, guest, tab: '', at: i, kind: 'message', action: i % 2 ? 'deliver' : 'send', topic: `t.${i % 3}`, envelope: { id: `m${i}` }, data: new Uint8Array(), to: i % 2 ? 'sink' : undefined });
const batch = (from: number, n: number) => Array.from({ length: n }, (_, k) => send(k % 2 ? 'a' : 'b', from + k));
/** Edges as comparable data (lastIndex is ring-relative in both). */
const shape = (edges: { key: string; count: number; bad: number; lastIndex: number }[]) => edges.map((e) => `${e.key}:${e.count}:${e.bad}:${e.lastIndex}`).sort();

describe('trace ingest (the Diagram folds a flood in time-boxed slices)', () => {
  let store: TraceStore;
  afterEach(() => store.dispose());

  it('stops each slice at its deadline, loses nothing, and ends equal to a full pass over the ring', () => {
    store = createTraceStore(`ingest-${Math.random()}`, 1000);
    let clock = 0;
    // Every look at the clock advances it by 1 ms: a 4 ms slice reads it a few times only.
    const ingest = createTraceIngest(store, 4, () => clock++);
    store.addLocal(batch(0, 700));
    const done = ingest.slice(clock + 4);
    expect(done).toBe(false);
    expect(ingest.observedTotal).toBeGreaterThan(0);
    expect(ingest.observedTotal).toBeLessThan(700);
    let slices = 2;
    while (!ingest.slice(clock + 4)) slices++;
    // 64 events between looks at the clock, 4 looks per slice: 700 events take 3 slices.
    expect(slices).toBe(3);
    expect(ingest.observedTotal).toBe(700);
    // More than the ring holds arrives before the next slice: evicted ones are skipped.
    store.addLocal(batch(700, 1500));
    while (!ingest.slice(clock + 4));
    expect(ingest.observedTotal).toBe(2200);
    const first = store.events.total - store.events.size;
    const live = ingest.edges.list((abs) => abs - first);
    expect(shape(live)).toEqual(shape(aggregateEdges((i) => store.events.at(i), store.events.size)));
    expect(ingest.nodes.list.map((n) => n.id)).toEqual(expect.arrayContaining(['guest:b', 'guest:sink', 'topic:t.0', 'topic:t.1', 'topic:t.2']));
  });

  it('holds at the pause point and goes on after resume', () => {
    store = createTraceStore(`ingest-${Math.random()}`, 1000);
    const ingest = createTraceIngest(store);
    store.addLocal(batch(0, 10));
    store.setPaused(true);
    ingest.slice(Infinity);
    store.addLocal(batch(10, 10));
    expect(ingest.slice(Infinity)).toBe(true);
    expect(ingest.observedTotal).toBe(10);
    store.setPaused(false);
    ingest.slice(Infinity);
    expect(ingest.observedTotal).toBe(20);
  });

  it('kick slices in tasks of their own and tells subscribers until caught up', async () => {
    store = createTraceStore(`ingest-${Math.random()}`, 1000);
    const ingest = createTraceIngest(store, 0);
    let told = 0;
    ingest.subscribe(() => told++);
    store.addLocal(batch(0, 500));
    ingest.kick();
    ingest.kick();
    // Nothing in the calling task: the first slice is a task of its own.
    expect(ingest.observedTotal).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(ingest.observedTotal).toBe(500);
    // A zero budget still folds CLOCK_EVERY events per slice: several slices, each announced.
    expect(told).toBeGreaterThan(1);
  });
});
