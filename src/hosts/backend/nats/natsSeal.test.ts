import { describe, expect, it } from 'vitest';
import { createNatsSeal, halfSipHash64 } from './natsSeal';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);

describe('the seal of a message this browser sent', () => {
  it('is HalfSipHash-2-4 (64-bit): the reference vectors, key 00..07, input 00..n-1', () => {
    // vectors_hsip64 of the reference implementation (github.com/veorq/SipHash, vectors.h).
    expect(hex(halfSipHash64(bytes(8), bytes(0)))).toBe('218d1f59b9b83cc8');
    expect(hex(halfSipHash64(bytes(8), bytes(1)))).toBe('be552412f8387315');
    expect(hex(halfSipHash64(bytes(8), bytes(3)))).toBe('ce0f1a45f7060679');
    expect(hex(halfSipHash64(bytes(8), bytes(4)))).toBe('d5e78a175be52ea1');
    expect(hex(halfSipHash64(bytes(8), bytes(5)))).toBe('cb9d7c3f2f3db580');
  });

  it('checks out only for the same key and the same id, source, subject and payload', () => {
    const mine = createNatsSeal(bytes(8));
    const theirs = createNatsSeal(Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9]));
    const data = new TextEncoder().encode('#05');
    const seal = mine.of('m1', '/wcp/tab-me/producer', 'orders', data);
    expect(seal).toMatch(/^[0-9a-f]{16}$/);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', data, seal)).toBe(true);
    expect(theirs.verify('m1', '/wcp/tab-me/producer', 'orders', data, seal)).toBe(false);
    expect(mine.verify('m2', '/wcp/tab-me/producer', 'orders', data, seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/other', 'orders', data, seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders.eu', data, seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', new TextEncoder().encode('#06'), seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', data, undefined)).toBe(false);
  });
});
