import { describe, expect, it } from 'vitest';
import { createConsoleBuffer } from './createConsoleBuffer';
import type { ConsoleLine } from './consoleTypes';
import { PAGE_LINES, windowOf } from './useConsoleWindow';

const lines = (from: number, n: number): ConsoleLine[] => Array.from({ length: n }, (_, i) => ({ id: from + i, kind: 'stdout', text: `line ${from + i}` }));

describe('windowOf (what the Console shows)', () => {
  const history = createConsoleBuffer(5_000);
  history.push(lines(1, 3_000));
  const live = history.slice(2_850, 3_000);

  it('follows the live tail when not paged', () => {
    const w = windowOf(live, history, undefined);
    expect(w).toMatchObject({ live: true, start: 2_850 });
    expect(w.lines).toBe(live);
  });

  it('cuts the live tail to the lines the panel has room for, counting the rest as earlier', () => {
    const w = windowOf(live, history, undefined, 40);
    expect(w).toMatchObject({ live: true, start: 2_960 });
    expect(w.lines.map((l) => l.id)).toEqual(live.slice(110).map((l) => l.id));
    expect(windowOf(live, history, undefined, 400).lines).toBe(live);
  });

  it('shows a page from the chosen first line, unmoved by newer lines', () => {
    const w = windowOf(live, history, 1_001);
    expect(w.live).toBe(false);
    expect(w.start).toBe(1_000);
    expect(w.lines.map((l) => l.id)).toEqual(lines(1_001, PAGE_LINES).map((l) => l.id));
    history.push(lines(3_001, 100));
    expect(windowOf(live, history, 1_001).lines[0]!.id).toBe(1_001);
  });

  it('starts at the oldest held line when the paged line was dropped, and follows again once cleared', () => {
    const small = createConsoleBuffer(1_000);
    small.push(lines(1, 1_500));
    expect(windowOf([], small, 10)).toMatchObject({ start: 0, live: false });
    expect(windowOf([], small, 10).lines[0]!.id).toBe(501);
    small.clear();
    expect(windowOf([], small, 10)).toMatchObject({ live: true, start: 0 });
  });

  it('without a history (an older panel context) shows the lines it is given', () => {
    const w = windowOf(live, undefined, 5);
    expect(w).toMatchObject({ live: true, start: 0 });
  });
});
