import { describe, expect, it, vi } from 'vitest';
import { createTraceStore } from './createTraceStore';
import type { TraceEvent } from './traceEvent';

const ev = (id: string, guest = 'g'): TraceEvent => ({ kind: 'lifecycle', phase: 'start', id, guest, tab: '', at: 0 });
const ids = (events: { toArray(): TraceEvent[] }) => events.toArray().map((e) => e.id);

describe('trace runs', () => {
  it('groups events by the run current when they arrive, and keeps earlier runs readable', () => {
    const store = createTraceStore(`test-${Math.random()}`);
    store.startRun('Fan-out', { kind: 'open' });
    const first = store.startRun('Fan-out');
    store.addLocal([ev('a'), ev('b')]);
    const second = store.startRun('Fan-out', { detail: 'faults: drop' });
    store.addLocal([ev('c')]);
    // The loaded-but-never-run example left no empty entry behind.
    expect(store.runs.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(store.runs[0].end).toBe(2);
    const v1 = store.runView(first.id);
    const v2 = store.runView(second.id);
    expect(ids(v1.events)).toEqual(['a', 'b']);
    expect(ids(v2.events)).toEqual(['c']);
    expect([v1.events.total, v2.events.total]).toEqual([2, 1]);
    expect(v2.run?.detail).toBe('faults: drop');
    expect(store.runView(first.id)).toBe(v1);
    store.dispose();
  });

  it('counts run-relative positions through ring eviction, so views can keep incremental state', () => {
    const store = createTraceStore(`test-${Math.random()}`, 4);
    const r1 = store.startRun('one');
    store.addLocal([ev('a'), ev('b'), ev('c')]);
    const r2 = store.startRun('two');
    store.addLocal([ev('d'), ev('e'), ev('f')]); // evicts a and b
    const v1 = store.runView(r1.id);
    expect(ids(v1.events)).toEqual(['c']);
    expect(v1.events.total - v1.events.size).toBe(2);
    expect(ids(store.runView(r2.id).events)).toEqual(['d', 'e', 'f']);
    store.addLocal([ev('g'), ev('h')]); // run one is gone from the ring entirely
    const r3 = store.startRun('three');
    expect(store.runs.map((r) => r.id)).toEqual([r2.id, r3.id]);
    expect(store.runView(r1.id).events.size).toBe(0);
    store.dispose();
  });

  it('assigns events from other tabs to the run current in this tab', async () => {
    const ns = `test-${Math.random()}`;
    const here = createTraceStore(ns);
    const there = createTraceStore(ns);
    const run = here.startRun('listening');
    there.startRun('speaking');
    there.addLocal([ev('x', 'speaker')]);
    // Other tabs' events arrive with the next cross-tab flush (CROSS_TAB_FLUSH_MS).
    await vi.waitFor(() => expect(ids(here.runView(run.id).events)).toEqual(['x']), { timeout: 2000 });
    here.dispose();
    there.dispose();
  });

  it('clear empties every run and forgets the earlier ones', () => {
    const store = createTraceStore(`test-${Math.random()}`);
    store.startRun('one');
    store.addLocal([ev('a')]);
    const two = store.startRun('two');
    store.addLocal([ev('b')]);
    store.clear();
    expect(store.runs.map((r) => r.id)).toEqual([two.id]);
    expect(store.runView(two.id).events.size).toBe(0);
    store.addLocal([ev('c')]);
    expect(ids(store.runView(two.id).events)).toEqual(['c']);
    store.dispose();
  });
});
