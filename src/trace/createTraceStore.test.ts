import { describe, expect, it } from 'vitest';
import { createTraceStore } from './createTraceStore';
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
