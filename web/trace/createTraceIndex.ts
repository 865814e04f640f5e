import type { RingBuffer, TraceEvent } from '../../src/index';
import { createTimelineIndex, type TimelineIndex, type TimelineRows } from '../diagram/createTimelineIndex';
import { emptyFilter, type TimelineFilter } from '../diagram/timelineFilter';
import { createColumnFit, type ColumnFit, type TraceColumns } from './createColumnFit';

/** The Trace table after an update: its rows (ring indices in time order) and its columns. */
export interface TraceRows {
  /** Ring indices as of this update; see {@link ringIndexNow} for a render after it. */
  rows: TimelineRows;
  /** The ring's oldest held position (`total - size`) at this update. */
  oldest: number;
  columns: TraceColumns;
}

/**
 * Ring index of row `r` in `events` as they are now: the table renders between its updates
 * too (scrolling, a selection), and the ring may have evicted events since, which shifts
 * every index. Negative: the event is gone.
 */
export function ringIndexNow(rows: TraceRows, r: number, events: RingBuffer<TraceEvent>): number {
  return rows.rows.ringIndexAt(r) - (events.total - events.size - rows.oldest);
}

/** Keeps the Trace table up to date with a ring of events (see {@link createTraceIndex}). */
export interface TraceIndex {
  /** `text`: the filter box (guest, kind, iface, fn, topic, action, envelope id or subject). */
  update(events: RingBuffer<TraceEvent>, text: string, base: number): TraceRows;
}

/**
 * The Trace table's rows and columns, kept as the events come: each update looks only at
 * the events pushed since the last one. Rows are the Diagram timeline's index (the same
 * time order and the same text filter); the columns grow with each event's names. Rebuilding
 * every frame described all 10,000 held events (their argument and payload previews) and
 * sorted them again: under a flood with the Trace tab open, tasks of ~370 ms and 500 ms
 * between frames. Another ring (another run) or one that went back (cleared) starts over.
 */
export function createTraceIndex(tab: string): TraceIndex {
  let ring: RingBuffer<TraceEvent> | undefined;
  let index: TimelineIndex = createTimelineIndex();
  let fit: ColumnFit = createColumnFit(tab);
  let fitted = 0;
  let filter: TimelineFilter = emptyFilter;
  return {
    update(events, text, base) {
      const { total, size } = events;
      const oldest = total - size;
      if (events !== ring || total < fitted) {
        ring = events;
        index = createTimelineIndex();
        fit = createColumnFit(tab);
        fitted = oldest;
      }
      // The timeline index starts over when its filter object changes, so keep one per text.
      if (text !== filter.text) filter = { ...emptyFilter, text };
      index.update({ first: oldest, end: total, at: (abs) => events.at(abs - oldest) }, filter);
      // Nothing held (cleared): the columns start over from the events to come.
      if (size === 0) fit = createColumnFit(tab);
      for (let pos = Math.max(fitted, oldest); pos < total; pos++) {
        const e = events.at(pos - oldest);
        if (e) fit.add(e);
      }
      fitted = total;
      return { rows: index, oldest, columns: fit.columns(base) };
    },
  };
}
