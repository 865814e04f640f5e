import type { TraceEvent } from '../../src/index';
import { filterIndices, isFiltering, matchesTimeline, type TimelineFilter } from './timelineFilter';

/** The timeline's rows: ring indices in time order, read by position without copying. */
export interface TimelineRows {
  readonly length: number;
  /** Ring index of row `r` (0 ≤ r < length); may name an event the ring just evicted. */
  ringIndexAt(r: number): number;
}

/** Rows over a plain array of ring indices (a scrubbed, one-off pass). */
export const rowsOf = (indices: readonly number[]): TimelineRows => ({ length: indices.length, ringIndexAt: (r) => indices[r] });

/** What {@link TimelineIndex.update} reads of the trace ring. */
export interface RingWindow {
  /** Absolute position of the oldest held event (ring `total - size`). */
  first: number;
  /** Absolute position just past the newest event to show (Pause holds it back). */
  end: number;
  /** The event at absolute position `abs`, if still held. */
  at(abs: number): TraceEvent | undefined;
}

/**
 * The Diagram timeline's rows, kept up to date incrementally. Rebuilding them on every
 * render (filter all 10,000 held events, sort by time) was a long task per render under a
 * flood; here a render only filters the events that arrived since the last one and
 * insertion-sorts them into the tail (batches from workers and tabs are nearly in time
 * order), and drops what the ring evicted from the head. Positions are absolute so that
 * eviction doesn't shift them; `ringIndexAt` converts. A filter change rebuilds once.
 */
export interface TimelineIndex extends TimelineRows {
  update(ring: RingWindow, filter: TimelineFilter): void;
}

/** Entries past the head searched for evicted stragglers (events whose time sorted them later). */
const STRAGGLER_SCAN = 4096;

export function createTimelineIndex(): TimelineIndex {
  let abs: number[] = [];
  let times: number[] = [];
  let head = 0;
  let seen = 0;
  let first = 0;
  let filter: TimelineFilter | undefined;

  const rebuild = (ring: RingWindow, f: TimelineFilter) => {
    const from = ring.first;
    abs = filterIndices((i) => ring.at(from + i), ring.end - from, f).map((i) => i + from);
    times = abs.map((p) => ring.at(p)?.at ?? 0);
    head = 0;
    seen = ring.end;
  };

  const evict = () => {
    while (head < abs.length && abs[head] < first) head++;
    const scanEnd = Math.min(abs.length, head + STRAGGLER_SCAN);
    let w = head;
    for (let r = head; r < scanEnd; r++) {
      if (abs[r] < first) continue;
      abs[w] = abs[r];
      times[w++] = times[r];
    }
    if (w < scanEnd) {
      abs.splice(w, scanEnd - w);
      times.splice(w, scanEnd - w);
    }
    // Compact now and then so the arrays don't grow without bound.
    if (head > 4096 && head * 2 > abs.length) {
      abs = abs.slice(head);
      times = times.slice(head);
      head = 0;
    }
  };

  /**
   * Merges new matching events (already in arrival order) into the sorted rows: sort the
   * new ones by time (stable), then merge them with the existing tail they overlap. Two
   * workers' batches interleave in time, so inserting one by one could be quadratic.
   */
  const merge = (newAbs: number[], newTimes: number[]) => {
    const order = newAbs.map((_, k) => k).sort((a, b) => newTimes[a] - newTimes[b] || a - b);
    const t0 = newTimes[order[0]];
    // First existing row later than the earliest new event (ties keep arrival order: existing first).
    let lo = head;
    let hi = abs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] <= t0) lo = mid + 1;
      else hi = mid;
    }
    const tailAbs = abs.slice(lo);
    const tailTimes = times.slice(lo);
    abs.length = lo;
    times.length = lo;
    let i = 0;
    let k = 0;
    while (i < tailAbs.length || k < order.length) {
      if (k >= order.length || (i < tailAbs.length && tailTimes[i] <= newTimes[order[k]])) {
        abs.push(tailAbs[i]);
        times.push(tailTimes[i++]);
      } else {
        abs.push(newAbs[order[k]]);
        times.push(newTimes[order[k++]]);
      }
    }
  };

  return {
    get length() {
      return abs.length - head;
    },
    ringIndexAt: (r) => abs[head + r] - first,
    update(ring, f) {
      first = ring.first;
      if (filter !== f) {
        filter = f;
        rebuild(ring, f);
        return;
      }
      if (seen < first) {
        // The ring turned over since the last update (a flood between two renders): every
        // row is evicted, and the held events are all new. Taking them incrementally
        // sorts only them, where a rebuild re-filtered and insertion-sorted the whole ring.
        abs = [];
        times = [];
        head = 0;
        seen = first;
      }
      evict();
      if (ring.end <= seen) return;
      const all = !isFiltering(f);
      const newAbs: number[] = [];
      const newTimes: number[] = [];
      for (let p = seen; p < ring.end; p++) {
        const e = ring.at(p);
        if (!e || !(all || matchesTimeline(e, f))) continue;
        newAbs.push(p);
        newTimes.push(e.at);
      }
      if (newAbs.length) merge(newAbs, newTimes);
      seen = ring.end;
    },
  };
}
