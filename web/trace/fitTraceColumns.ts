import type { TraceEvent } from '../../src/index';
import { describeTraceEvent, formatRelative } from './describeTraceEvent';

/** Widest useful `iface#fn` / topic column, in characters; longer text ellipsizes (full text in the tooltip). */
const MAX_WHAT = 46;
const MAX_GUEST = 22;
/** Width of the "other tab" badge beside a guest name, in characters. */
const BADGE = 10;

/**
 * Grid columns of the Trace table sized to what the rows hold (the font is monospace, so
 * characters are a width): time, guest, kind and iface#fn get what their longest value
 * needs, the args/result column takes the rest. When the pane is narrower than that the
 * table scrolls sideways instead of cutting names.
 */
export function fitTraceColumns(events: readonly TraceEvent[], base: number, tab: string): { columns: string; minWidth: string } {
  let time = 6;
  let guest = 5;
  let kind = 4;
  let what = 8;
  for (const e of events) {
    const d = describeTraceEvent(e);
    time = Math.max(time, formatRelative(e.at, base).length);
    guest = Math.max(guest, Math.min(MAX_GUEST, e.guest.length) + (e.tab !== tab ? BADGE : 0));
    kind = Math.max(kind, d.kind.length);
    what = Math.max(what, Math.min(MAX_WHAT, d.what.length + (e.kind === 'message' && e.fault ? e.fault.length + 9 : 0)));
  }
  // +1ch slack per column: ellipsis decisions round, and the badge has padding.
  const widths = [time + 1, guest + 1, kind + 1, what + 1];
  const fixed = widths.reduce((a, b) => a + b, 0) + 18 + 8;
  // Gaps (5 × 6px) and the row's padding (2 × 8px) come on top of the characters.
  return { columns: `${widths.map((w) => `${w}ch`).join(' ')} minmax(18ch, 1fr) 8ch`, minWidth: `calc(${fixed}ch + 46px)` };
}
