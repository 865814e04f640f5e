import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/index';
import { createTimelineIndex, type TimelineRows } from './createTimelineIndex';
import { emptyFilter, filterIndices, type TimelineFilter } from './timelineFilter';

const ev = (guest: string, at: number): TraceEvent => ({ id: `${guest}:${at}:${Math.random()}`, guest, tab: 't', at, kind: 'lifecycle', phase: 'start' });
/** The trace ring's view of positions: the newest `capacity` of everything pushed. */
function createRing(capacity: number) {
  let all: TraceEvent[] = [];
  let cleared = 0;
  return {
    push: (e: TraceEvent) => all.push(e),
    get total() {
      return all.length;
    },
    get size() {
      return Math.min(capacity, all.length - cleared);
    },
    at(i: number) {
      return i < 0 || i >= this.size ? undefined : all[all.length - this.size + i];
    },
    clear() {
      cleared = all.length;
    },
  };
}
const rows = (r: TimelineRows) => Array.from({ length: r.length }, (_, i) => r.ringIndexAt(i));

describe('incremental timeline index', () => {
  it('matches a full filter-and-sort pass while batches stream in, interleave and get evicted', () => {
    const ring = createRing(300);
    const index = createTimelineIndex();
    const byGuest: TimelineFilter = { ...emptyFilter, guest: 'b' };
    let clock = 0;
    for (let step = 0; step < 60; step++) {
      // Two workers flush batches whose times overlap: nearly, not exactly, in time order.
      const base = clock;
      for (let k = 0; k < 17; k++) ring.push(ev(step % 2 ? 'a' : 'b', base + k * 3 + (step % 3)));
      clock += 40;
      const filter = step > 40 ? byGuest : emptyFilter;
      const first = ring.total - ring.size;
      const window = { first, end: ring.total, at: (abs: number) => ring.at(abs - first) };
      index.update(window, filter);
      expect(rows(index)).toEqual(filterIndices((i) => ring.at(i), ring.size, filter));
    }
  });

  it('stops at the pause point and empties on clear', () => {
    const ring = createRing(100);
    const index = createTimelineIndex();
    for (let i = 0; i < 10; i++) ring.push(ev('a', i));
    index.update({ first: 0, end: 6, at: (abs) => ring.at(abs) }, emptyFilter);
    expect(rows(index)).toEqual([0, 1, 2, 3, 4, 5]);
    index.update({ first: 0, end: 10, at: (abs) => ring.at(abs) }, emptyFilter);
    expect(index.length).toBe(10);
    ring.clear();
    index.update({ first: 10, end: 10, at: () => undefined }, emptyFilter);
    expect(index.length).toBe(0);
  });

  it('takes a ring that turned over between two updates incrementally, same rows as a full pass', () => {
    const ring = createRing(100);
    const index = createTimelineIndex();
    for (let i = 0; i < 50; i++) ring.push(ev('a', i));
    index.update({ first: 0, end: ring.total, at: (abs) => ring.at(abs) }, emptyFilter);
    // 250 more (out of time order in batches) before the next update: the 50 rows are all gone.
    for (let b = 0; b < 10; b++) for (let k = 0; k < 25; k++) ring.push(ev(b % 2 ? 'a' : 'b', 50 + b * 20 + ((k * 7) % 25)));
    const first = ring.total - ring.size;
    index.update({ first, end: ring.total, at: (abs) => ring.at(abs - first) }, emptyFilter);
    expect(rows(index)).toEqual(filterIndices((i) => ring.at(i), ring.size, emptyFilter));
  });
});
