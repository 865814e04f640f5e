import { describe, expect, it } from 'vitest';
import { nextIndex } from './tabListKeys';

describe('tab list keys', () => {
  it('moves with the arrows and wraps around', () => {
    expect(nextIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextIndex('ArrowLeft', 0, 3)).toBe(2);
  });
  it('jumps with Home and End and ignores other keys', () => {
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('f', 0, 3)).toBeUndefined();
  });
});
