import { describe, expect, it } from 'vitest';
import { columnsFor } from './useStageFocus';

describe('columnsFor', () => {
  it('gives a focused editor 3:2 against the output', () => {
    expect(columnsFor('guest', [1, 1, 1])).toBe('0 0 minmax(0, 3fr) 0 minmax(0, 2fr)');
  });

  it('beside a lesson gives the focused editor most of the room', () => {
    expect(columnsFor('guest', [1, 1, 1], true)).toBe('0 0 minmax(0, 3fr) 0 minmax(0, 1.2fr)');
    expect(columnsFor('wit', [1, 1, 1], true)).toBe('minmax(0, 3fr) 0 0 0 minmax(0, 1.2fr)');
  });

  it("keeps the user's pane sizes without a focus, learning or not", () => {
    expect(columnsFor(undefined, [2, 3, 4], true)).toBe('minmax(0, 2fr) 5px minmax(0, 3fr) 5px minmax(0, 4fr)');
  });

  it('gives the focused pane the whole width when one pane is shown at a time', () => {
    expect(columnsFor('guest', [1, 1, 1], true, true)).toBe('0 0 minmax(0, 1fr) 0 0');
    expect(columnsFor('output', [1, 1, 1], true, true)).toBe('0 0 0 0 minmax(0, 1fr)');
    expect(columnsFor('wit', [1, 1, 1], true, true)).toBe('minmax(0, 1fr) 0 0 0 0');
  });
});
