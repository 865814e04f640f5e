import { describe, expect, it } from 'vitest';
import { laneWidths, MIN_LANE } from './laneWidths';

describe('laneWidths', () => {
  it('gives a long name the width it needs instead of cutting it at the minimum', () => {
    const [short, long] = laneWidths(['a', 'deliveries.at-least-once'], 0);
    expect(short).toBe(MIN_LANE);
    expect(long).toBeGreaterThan(24 * 6.7);
  });

  it('shares the room left in the panel evenly', () => {
    const w = laneWidths(['a', 'b'], 400);
    expect(w[0]).toBe(200);
    expect(w[1]).toBe(200);
  });

  it('never shrinks lanes below what their names need when the panel is narrow', () => {
    const names = ['producer', 'deliveries.at-least-once', 'consumer-exactly-once'];
    const w = laneWidths(names, 300);
    names.forEach((n, i) => expect(w[i]).toBeGreaterThanOrEqual(n.length * 6.7));
  });
});
