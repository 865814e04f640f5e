import { describe, expect, it } from 'vitest';
import { createConsoleBuffer } from './createConsoleBuffer';
import { consoleBlob, consoleLineText } from './downloadConsole';
import type { ConsoleLine } from './consoleTypes';

const lines = (from: number, n: number): ConsoleLine[] => Array.from({ length: n }, (_, i) => ({ id: from + i, kind: 'stdout', guest: 'sink', text: `line ${from + i}` }));

describe('createConsoleBuffer', () => {
  it('keeps every line in order and slices any range', () => {
    const b = createConsoleBuffer();
    b.push(lines(1, 3));
    b.push(lines(4, 100_000 - 3));
    expect(b.size).toBe(100_000);
    expect(b.slice(0, 2).map((l) => l.id)).toEqual([1, 2]);
    expect(b.slice(99_998, 200_000).map((l) => l.id)).toEqual([99_999, 100_000]);
    expect(b.slice(-5, 1).map((l) => l.id)).toEqual([1]);
    expect(b.slice(10, 5)).toEqual([]);
  });

  it('drops the oldest past its maximum, counts them, and keeps indices consistent', () => {
    const b = createConsoleBuffer(10);
    for (let i = 0; i < 7; i++) b.push(lines(1 + i * 3, 3)); // 21 lines
    expect(b.size).toBe(10);
    expect(b.dropped).toBe(11);
    expect(b.slice(0, 10).map((l) => l.id)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(b.indexOf(12)).toBe(0);
    expect(b.indexOf(21)).toBe(9);
    expect(b.indexOf(11)).toBe(-1);
  });

  it('finds lines by id when ids have gaps, and forgets everything on clear', () => {
    const b = createConsoleBuffer();
    b.push([...lines(1, 2), ...lines(10, 2)]);
    expect(b.indexOf(10)).toBe(2);
    expect(b.indexOf(5)).toBe(-1);
    b.clear();
    expect(b.size).toBe(0);
    expect(b.indexOf(1)).toBe(-1);
  });
});

describe('consoleBlob', () => {
  it('writes every line, with the guest and an indented stack', async () => {
    const b = createConsoleBuffer();
    b.push([...lines(1, 25), { id: 26, kind: 'trap', guest: 'sink', text: 'boom', stack: 'at f\nat g' }]);
    const text = await consoleBlob(b, 10).text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(28);
    expect(text.startsWith('sink › line 1\nsink › line 2\n')).toBe(true);
    expect(text).toContain('sink › line 25\nsink › boom\n    at f\n    at g\n');
    expect(consoleLineText({ id: 1, kind: 'info', text: 'no guest' })).toBe('no guest');
  });
});
