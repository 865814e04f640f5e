import type { TraceEvent } from '../../src/index';
import { formatRelative, traceColumnText } from './describeTraceEvent';

/** Widest useful `iface#fn` / topic column, in characters; longer text ellipsizes (full text in the tooltip). */
const MAX_WHAT = 46;
const MAX_GUEST = 22;
/** Width of the "other tab" badge beside a guest name, in characters. */
const BADGE = 10;

/** Grid columns of the Trace table: the CSS `grid-template-columns` and the table's least width. */
export interface TraceColumns {
  columns: string;
  minWidth: string;
  /** What each sized column needs, in characters (slack included): for a narrow pane (fitTraceColumnsToRoom). */
  needs: { time: number; guest: number; kind: number; what: number };
}

/** Widths the Trace table's columns need, grown one event at a time (see {@link createColumnFit}). */
export interface ColumnFit {
  add(e: TraceEvent): void;
  /** The columns for what was added, with times counted from `base`. */
  columns(base: number): TraceColumns;
}

/**
 * Sizes the Trace table's columns to what the rows hold (the font is monospace, so
 * characters are a width): time, guest, kind and iface#fn get what their longest value
 * needs, the args/result column takes the rest. When the pane is narrower than that the
 * table scrolls sideways instead of cutting names. Events are added as they arrive, so a
 * frame of a flood measures only its new events; an evicted event's width is kept (the
 * columns never jump narrower under the reader's eyes).
 */
export function createColumnFit(tab: string): ColumnFit {
  let guest = 5;
  let kind = 4;
  let what = 8;
  let earliest = Infinity;
  let latest = -Infinity;
  return {
    add(e) {
      const d = traceColumnText(e);
      earliest = Math.min(earliest, e.at);
      latest = Math.max(latest, e.at);
      guest = Math.max(guest, Math.min(MAX_GUEST, e.guest.length) + (e.tab !== tab ? BADGE : 0));
      kind = Math.max(kind, d.kind.length);
      what = Math.max(what, Math.min(MAX_WHAT, d.what.length + (e.kind === 'message' && e.fault ? e.fault.length + 9 : 0)));
    },
    columns(base) {
      // The widest time is the one furthest from `base` on either side ("−0.004" before it).
      const time = Number.isFinite(earliest) ? Math.max(6, formatRelative(earliest, base).length, formatRelative(latest, base).length) : 6;
      // +1ch slack per column: ellipsis decisions round, and the badge has padding.
      const widths = [time + 1, guest + 1, kind + 1, what + 1];
      // The duration column is 9ch: its head, "DURATION" in the head's small capitals, is wider
      // than 8 of the rows' characters ("DURATI…" at 1280×720); its values need 7–9.
      const fixed = widths.reduce((a, b) => a + b, 0) + 18 + 9;
      // Gaps (5 × 6px) and the row's padding (2 × 8px) come on top of the characters.
      return {
        columns: `${widths.map((w) => `${w}ch`).join(' ')} minmax(18ch, 1fr) 9ch`,
        minWidth: `calc(${fixed}ch + 46px)`,
        needs: { time: time + 1, guest: guest + 1, kind: kind + 1, what: what + 1 },
      };
    },
  };
}
