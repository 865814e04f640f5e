import { describe, expect, it, vi } from 'vitest';
import { createTraceStore, CROSS_TAB_EVENTS_PER_FLUSH } from './createTraceStore';
import type { TraceEvent } from './traceEvent';

const tick = () => new Promise((r) => setTimeout(r, 5));
const ev = (id: string): TraceEvent => ({ kind: 'lifecycle', phase: 'start', id, guest: 'g', tab: '', at: 0 });

describe('trace store pause', () => {
  it('records while paused without notifying, and notifies on setPaused either way', async () => {
    const store = createTraceStore(`test-${Math.random()}`);
    let calls = 0;
    store.subscribe(() => calls++);
    store.setPaused(true);
    await tick();
    expect(calls).toBe(1); // pausing itself is announced so views can show it
    store.addLocal([ev('a'), ev('b')]);
    await tick();
    expect(calls).toBe(1);
    expect(store.events.size).toBe(2);
    store.setPaused(false);
    await tick();
    expect(calls).toBe(2);
    store.setPaused(false); // no change, no notification
    await tick();
    expect(calls).toBe(2);
    store.dispose();
  });
});

describe('trace store across tabs', () => {
  it('shares local events with another tab in one flush, and only counts what exceeds the per-flush share', async () => {
    const ns = `test-${Math.random()}`;
    const a = createTraceStore(ns);
    const b = createTraceStore(ns);
    a.addLocal([ev('x1'), ev('x2')]);
    a.addLocal([ev('x3')]);
    await vi.waitFor(() => expect(b.events.size).toBe(3), { timeout: 10_000 });
    expect(b.events.toArray().map((e) => e.id)).toEqual(['x1', 'x2', 'x3']);
    expect(b.events.at(0)?.tab).toBe(a.tab);

    const flood = Array.from({ length: 12 * CROSS_TAB_EVENTS_PER_FLUSH }, (_, i) => ev(`f${i}`));
    for (let i = 0; i < flood.length; i += 100) a.addLocal(flood.slice(i, i + 100));
    expect(a.events.size).toBe(3 + flood.length); // every event stays visible in its own tab
    await vi.waitFor(() => expect(b.events.size).toBe(3 + CROSS_TAB_EVENTS_PER_FLUSH), { timeout: 10_000 });
    expect(b.events.at(b.events.size - 1)?.id).toBe(`f${flood.length - 1}`);
    expect(b.remoteSummarized).toBe(flood.length - CROSS_TAB_EVENTS_PER_FLUSH);
    b.clear();
    expect(b.remoteSummarized).toBe(0);
    a.dispose();
    b.dispose();
  });

  it("leaves out another tab's events that are not shaped as this build's, keeping the readable ones", async () => {
    const ns = `test-${Math.random()}`;
    const store = createTraceStore(ns);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const wire = new BroadcastChannel(`${ns}:trace`);
    const other = { tab: 'tab-other', guest: 'g', at: 1 };
    wire.postMessage({
      events: [
        { ...other, id: 'o1', kind: 'call' },
        { ...other, id: 'o2', kind: 'message', action: 'send', topic: 't', envelope: {}, data: 'text' },
        { ...other, id: 'o3', kind: 'newer-kind' },
        { ...other, id: 'o4', kind: 'call', iface: 'i', fn: 'f', args: [], ok: true, ms: 1, dir: 'import', servedBy: 5 },
        { ...other, id: 'o5', kind: 'lifecycle', phase: 'start' },
      ],
    });
    await vi.waitFor(() => expect(store.events.toArray().map((e) => e.id)).toEqual(['o5']), { timeout: 10_000 });
    expect(warn).toHaveBeenCalledTimes(1);
    // Counted for the Trace's note, with the first one's problem, until the next Clear.
    expect(store.remoteRefused.count).toBe(4);
    expect(store.remoteRefused.problem).toMatch(/\w/);
    expect(store.runView(store.runs[0].id).remoteRefused.count).toBe(4);
    store.clear();
    expect(store.remoteRefused).toEqual({ count: 0 });
    warn.mockRestore();
    wire.close();
    store.dispose();
  });

  it('posts no events while no other tab has a store on the namespace, and does once one opens', async () => {
    const ns = `test-${Math.random()}`;
    const seen: unknown[] = [];
    // A bare listener (not a store) sees what a store posts but never says it is there.
    const wire = new BroadcastChannel(`${ns}:trace`);
    wire.onmessage = (e) => seen.push(e.data);
    const a = createTraceStore(ns);
    a.addLocal([ev('alone')]);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((m) => (m as { events?: unknown }).events)).toEqual([]);
    expect(a.events.size).toBe(1); // still recorded in its own tab

    const b = createTraceStore(ns);
    await new Promise((r) => setTimeout(r, 50));
    a.addLocal([ev('shared')]);
    await vi.waitFor(() => expect(b.events.toArray().map((e) => e.id)).toEqual(['shared']), { timeout: 10_000 });

    b.dispose();
    await vi.waitFor(() => expect(seen.some((m) => (m as { presence?: string }).presence === 'bye')).toBe(true), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    const batches = seen.filter((m) => (m as { events?: unknown }).events).length;
    a.addLocal([ev('after-bye')]);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((m) => (m as { events?: unknown }).events).length).toBe(batches);
    a.dispose();
    wire.close();
  });
});
