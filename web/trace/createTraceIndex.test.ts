import { describe, expect, it } from 'vitest';
import { createRingBuffer } from '../../src/trace/createRingBuffer';
import type { TraceEvent } from '../../src/index';
import { createTraceIndex, ringIndexNow } from './createTraceIndex';
import { createColumnFit } from './createColumnFit';
import { matchesFilter } from './describeTraceEvent';

const TAB = 'tab-here';
let n = 0;
/** A call or a message event at `at`, from this tab or another. */
function event(at: number, kind: 'call' | 'message', other = false): TraceEvent {
  n++;
  const base = { id: `e:${n}`, guest: n % 3 ? 'producer' : 'a-much-longer-guest-name', tab: other ? 'tab-there' : TAB, at };
  return kind === 'call'
    ? { ...base, kind: 'call', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: n % 2 ? 'open' : '[method]bucket.get', args: [`k${n}`], ok: true, ms: 0.1, dir: 'import' }
    : { ...base, kind: 'message', action: 'send', topic: `orders.${'x'.repeat(n % 7)}`, envelope: { id: `m${n}` }, data: new Uint8Array([104, 105]) };
}

/** What the table showed when it rebuilt every frame: matching events sorted by time, stable. */
function rebuilt(ring: ReturnType<typeof createRingBuffer<TraceEvent>>, filter: string) {
  const held = ring.toArray();
  const rows = held.map((e, i) => ({ e, i })).filter(({ e }) => matchesFilter(e, filter.trim()));
  rows.sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  return rows.map(({ e }) => e.id);
}

describe('the Trace table kept as events come', () => {
  it('shows what a rebuild would, through pushes, late events, eviction, filters and a clear', () => {
    const ring = createRingBuffer<TraceEvent>(50);
    const index = createTraceIndex(TAB);
    let clock = 1000;
    let rand = 7;
    const next = () => (rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let frame = 0; frame < 200; frame++) {
      const filter = frame < 80 ? '' : frame < 140 ? 'orders' : 'GET';
      // A frame's batch: mostly in order, now and then an event from another tab's clock, earlier.
      const count = Math.floor(next() * 12);
      for (let k = 0; k < count; k++) {
        clock += next() < 0.1 ? 0 : next();
        const late = next() < 0.15;
        ring.push(event(late ? clock - 5 * next() : clock, next() < 0.5 ? 'call' : 'message', late));
      }
      if (frame === 170) ring.clear();
      const rows = index.update(ring, filter, 1000);
      const shown = Array.from({ length: rows.rows.length }, (_, r) => ring.at(rows.rows.ringIndexAt(r))!.id);
      expect(shown, `frame ${frame}`).toEqual(rebuilt(ring, filter));
    }
  });

  it('fits the columns to every held event, as measuring them all at once does', () => {
    const ring = createRingBuffer<TraceEvent>(100);
    const index = createTraceIndex(TAB);
    for (let i = 0; i < 30; i++) {
      ring.push(event(2000 + i * 37, i % 2 ? 'call' : 'message', i === 7));
      index.update(ring, '', 1990);
    }
    const all = createColumnFit(TAB);
    ring.toArray().forEach((e) => all.add(e));
    expect(index.update(ring, '', 1990).columns).toEqual(all.columns(1990));
    // Times further from the base need a wider time column ("+12.010" against "+1.083").
    expect(all.columns(-10_000).columns).toMatch(/^8ch /);
    expect(all.columns(1990).columns).toMatch(/^7ch /);
  });

  it('names the same events in a render after more were pushed (and some evicted)', () => {
    const ring = createRingBuffer<TraceEvent>(5);
    const index = createTraceIndex(TAB);
    for (let i = 0; i < 5; i++) ring.push(event(100 + i, 'call'));
    const table = index.update(ring, '', 0);
    const ids = [0, 1, 2, 3, 4].map((r) => ring.at(ringIndexNow(table, r, ring))!.id);
    ring.push(event(200, 'call'));
    ring.push(event(201, 'call'));
    // Rows 0 and 1 were evicted; rows 2–4 are still the events they were.
    expect(ringIndexNow(table, 1, ring)).toBeLessThan(0);
    expect([2, 3, 4].map((r) => ring.at(ringIndexNow(table, r, ring))!.id)).toEqual(ids.slice(2));
  });

  it('starts over for another ring (another run)', () => {
    const a = createRingBuffer<TraceEvent>(10);
    const b = createRingBuffer<TraceEvent>(10);
    const index = createTraceIndex(TAB);
    a.push(event(1, 'call'));
    a.push(event(2, 'call'));
    expect(index.update(a, '', 0).rows.length).toBe(2);
    b.push(event(3, 'message'));
    const { rows } = index.update(b, '', 0);
    expect(rows.length).toBe(1);
    expect(b.at(rows.ringIndexAt(0))!.kind).toBe('message');
    // The filter box finds a message by its envelope id, as the timeline's does.
    expect(index.update(b, 'M' + n, 0).rows.length).toBe(1);
    expect(index.update(b, 'm-nothing', 0).rows.length).toBe(0);
  });
});
