import { describe, expect, it } from 'vitest';
import { sameBytes } from './sameBytes';

describe('sameBytes', () => {
  const bytes = Uint8Array.from({ length: 1031 }, (_, i) => (i * 7) & 0xff);

  it('is true for equal contents, aligned or not', () => {
    expect(sameBytes(bytes, bytes.slice())).toBe(true);
    const buf = new Uint8Array(bytes.length + 3);
    buf.set(bytes, 3);
    expect(sameBytes(bytes, buf.subarray(3))).toBe(true);
    expect(sameBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('finds a difference in a word, in the tail and in the length', () => {
    for (const at of [0, 5, 512, 1028, 1030]) {
      const other = bytes.slice();
      other[at] ^= 1;
      expect(sameBytes(bytes, other), `byte ${at}`).toBe(false);
    }
    expect(sameBytes(bytes, bytes.subarray(0, 1030))).toBe(false);
  });
});
