import { describe, expect, it } from 'vitest';
import type { TraceColumns } from './createColumnFit';
import { fitTraceColumnsToRoom, TRACE_NARROW_ROW_HEIGHT, TRACE_ROW_HEIGHT } from './fitTraceColumnsToRoom';

const full: TraceColumns = { columns: '7ch 8ch 6ch 28ch minmax(18ch, 1fr) 9ch', minWidth: 'calc(76ch + 46px)', needs: { time: 7, guest: 8, kind: 6, what: 28 } };
const CH = 7.2;

describe('fitTraceColumnsToRoom', () => {
  it('keeps one line of six columns where args → result has its room', () => {
    // 7 + 8 + 6 + 28 + 24 + 9 = 82 characters, 590 px, and 46 px of gaps.
    expect(fitTraceColumnsToRoom(full, { width: 637, height: 400, ch: CH })).toEqual({ columns: full.columns, minWidth: full.minWidth, narrow: false, rowHeight: TRACE_ROW_HEIGHT });
    expect(fitTraceColumnsToRoom(full, undefined).narrow).toBe(false);
  });

  it('puts args → result on a line of its own in a narrower pane, the names whole above it', () => {
    const fitted = fitTraceColumnsToRoom(full, { width: 636, height: 400, ch: CH });
    expect(fitted).toEqual({ columns: '8ch 6ch minmax(28ch, 1fr)', minWidth: 'calc(42ch + 28px)', narrow: true, rowHeight: TRACE_NARROW_ROW_HEIGHT });
  });

  it('stays two lines (never cutting a name) in a pane narrower than the names', () => {
    expect(fitTraceColumnsToRoom(full, { width: 200, height: 400, ch: CH }).minWidth).toBe('calc(42ch + 28px)');
  });

  it('keeps one line per event in a table too short for six events on two lines', () => {
    expect(fitTraceColumnsToRoom(full, { width: 400, height: 6 * TRACE_NARROW_ROW_HEIGHT - 1, ch: CH }).narrow).toBe(false);
    expect(fitTraceColumnsToRoom(full, { width: 400, height: 6 * TRACE_NARROW_ROW_HEIGHT, ch: CH }).narrow).toBe(true);
  });
});
