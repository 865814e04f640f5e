import type { RingBuffer, TraceEvent } from '../../src/index';
import { matchesFilter } from './describeTraceEvent';
import { createColumnFit, type ColumnFit, type TraceColumns } from './fitTraceColumns';

/** The Trace table's rows after an update: which events, in time order, and the columns. */
export interface TraceRows {
  /**
   * Absolute positions of the matching events, oldest `at` first: row r is
   * `events.at(positions[r] - oldest)`. The index's own array, changed by the next update.
   */
  positions: readonly number[];
  /** The absolute position of the ring's oldest held event (`total - size`). */
  oldest: number;
  columns: TraceColumns;
}

/** Keeps the Trace table's rows up to date with a ring of events (see {@link createTraceIndex}). */
export interface TraceIndex {
  update(events: RingBuffer<TraceEvent>, filter: string, base: number): TraceRows;
}

/**
 * The Trace table's rows, kept as the events come: each update looks only at the events
 * pushed since the last one (matched against the filter, placed by time, measured for the
 * columns) and drops those the ring evicted. Rebuilding every frame described all 10,000
 * held events (their argument and payload previews) and sorted them again: under a flood
 * with the Trace tab open that was a 370 ms task, and 500 ms between frames.
 *
 * Rows are kept by absolute position (`total - size + i`), which does not move when older
 * events are evicted, and turned into ring indices on the way out. Events arrive nearly in
 * time order (workers and tabs deliver in batches), so a frame's events merge into the last
 * rows; equal times keep arrival order. A new filter, another ring (another run) or a ring that went
 * back (cleared) starts over.
 */
export function createTraceIndex(tab: string): TraceIndex {
  let ring: RingBuffer<TraceEvent> | undefined;
  let filter = '';
  let seen = 0;
  let evictedBelow = 0;
  let positions: number[] = [];
  let times: number[] = [];
  let fit: ColumnFit = createColumnFit(tab);
  /**
   * Merges one update's matching events into the rows. A frame's events come in batches from
   * several workers, so some are older than rows already placed: placing each with its own
   * splice moved up to 10,000 rows per event; one merge of the frame's events, sorted, with
   * the rows after the oldest of them moves each row once.
   */
  const merge = (newPositions: number[], newTimes: number[]) => {
    const order = newPositions.map((_, i) => i).sort((a, b) => newTimes[a] - newTimes[b] || a - b);
    const earliest = newTimes[order[0]];
    // Rows at the same time as a new event stay before it: they were pushed first.
    let k = times.length;
    while (k > 0 && times[k - 1] > earliest) k--;
    const tailPositions = positions.slice(k);
    const tailTimes = times.slice(k);
    positions.length = k;
    times.length = k;
    let t = 0;
    for (const i of order) {
      while (t < tailTimes.length && tailTimes[t] <= newTimes[i]) {
        positions.push(tailPositions[t]);
        times.push(tailTimes[t++]);
      }
      positions.push(newPositions[i]);
      times.push(newTimes[i]);
    }
    for (; t < tailTimes.length; t++) {
      positions.push(tailPositions[t]);
      times.push(tailTimes[t]);
    }
  };
  return {
    update(events, nextFilter, base) {
      const { total, size } = events;
      const oldest = total - size;
      if (events !== ring || nextFilter !== filter || total < seen) {
        ring = events;
        filter = nextFilter;
        seen = oldest;
        evictedBelow = oldest;
        positions = [];
        times = [];
        fit = createColumnFit(tab);
      }
      // Nothing held (cleared): the columns start over from the events to come.
      if (size === 0) fit = createColumnFit(tab);
      const needle = filter.trim();
      const newPositions: number[] = [];
      const newTimes: number[] = [];
      for (let pos = Math.max(seen, oldest); pos < total; pos++) {
        const e = events.at(pos - oldest);
        if (!e) continue;
        fit.add(e);
        if (matchesFilter(e, needle)) {
          newPositions.push(pos);
          newTimes.push(e.at);
        }
      }
      if (newPositions.length > 0) merge(newPositions, newTimes);
      seen = total;
      // The ring evicted since the last update: one pass drops those rows, wherever their times put them.
      if (oldest > evictedBelow) {
        evictedBelow = oldest;
        let w = 0;
        for (let r = 0; r < positions.length; r++) {
          if (positions[r] < oldest) continue;
          positions[w] = positions[r];
          times[w++] = times[r];
        }
        positions.length = w;
        times.length = w;
      }
      return { positions, oldest, columns: fit.columns(base) };
    },
  };
}
