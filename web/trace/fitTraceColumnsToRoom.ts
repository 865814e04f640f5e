import type { TraceColumns } from './createColumnFit';

/** The Trace table's width and height and its font's character width, in CSS px. */
export interface TraceRoom {
  width: number;
  height: number;
  ch: number;
}

/** Columns for the room the table has; a `narrow` table shows each event on two lines. */
export interface FittedTraceColumns {
  columns: string;
  minWidth: string;
  narrow: boolean;
  /** Height of a row in px (the table is virtualized: rows are placed by arithmetic). */
  rowHeight: number;
}

/** One line per event (matches .trace-row in styles.css). */
export const TRACE_ROW_HEIGHT = 22;
/** Two lines per event: the names, then args → result (matches .trace-panel[data-narrow]). */
export const TRACE_NARROW_ROW_HEIGHT = 38;
/** Below this the args → result column is cut mid-value; the table goes narrow instead. */
const DETAIL_WANTED = 24;
/** Two lines per event only where the table still shows this many events at once. */
const LEAST_ROWS = 6;
/** Gaps and the row's padding: six columns (five 6 px gaps + 16 px), or three (two + 16). */
const FULL_PX = 46;
const NARROW_PX = 28;

/**
 * Fits the Trace table to its pane. At 150 % browser zoom the Output view beside a lesson is
 * ~400 px: the columns sized to the run's longest names (createColumnFit) needed ~720, and the
 * args → result column, what a reader looks at, was off the right edge behind a sideways
 * scroll. A pane with less than `DETAIL_WANTED` characters of args → result beside every
 * column at its need shows each event on two lines instead: guest, kind and iface#fn whole,
 * and args → result under them across the table's width. The time and the duration go (the
 * Inspector shows both for a clicked row). Names are never cut: when even they do not fit
 * (iface#fn up to 46 characters), the table scrolls sideways as before. A table too short
 * for `LEAST_ROWS` events on two lines (presenting at 150 %: ~150 px, 3–4 events) keeps one
 * line each and scrolls sideways: there, seeing the events go by matters more.
 */
export function fitTraceColumnsToRoom(full: TraceColumns, room: TraceRoom | undefined): FittedTraceColumns {
  const { time, guest, kind, what } = full.needs;
  const fullChars = time + guest + kind + what + DETAIL_WANTED + 9;
  const fits = !room || room.ch <= 0 || room.width >= fullChars * room.ch + FULL_PX;
  if (fits || room.height < LEAST_ROWS * TRACE_NARROW_ROW_HEIGHT) {
    return { columns: full.columns, minWidth: full.minWidth, narrow: false, rowHeight: TRACE_ROW_HEIGHT };
  }
  return {
    columns: `${guest}ch ${kind}ch minmax(${what}ch, 1fr)`,
    minWidth: `calc(${guest + kind + what}ch + ${NARROW_PX}px)`,
    narrow: true,
    rowHeight: TRACE_NARROW_ROW_HEIGHT,
  };
}
