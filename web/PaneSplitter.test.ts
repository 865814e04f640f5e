import { describe, expect, it } from 'vitest';
import { MIN_PANE, resizePanes } from './PaneSplitter';

describe('resizePanes', () => {
  it('moves one boundary and keeps the sum', () => {
    const next = resizePanes([0.3, 0.4, 0.3], 0, 0.1);
    expect(next[0]).toBeCloseTo(0.4);
    expect(next[1]).toBeCloseTo(0.3);
    expect(next[2]).toBeCloseTo(0.3);
  });

  it('refuses to shrink a pane below the minimum', () => {
    const sizes = [0.3, MIN_PANE + 0.01, 0.57];
    expect(resizePanes(sizes, 0, 0.05)).toBe(sizes);
  });
});
