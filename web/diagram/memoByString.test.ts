import { describe, expect, it } from 'vitest';
import { memoByString } from './memoByString';

describe('memoByString', () => {
  it('makes each value once, undefined included, and starts over past its limit', () => {
    let made = 0;
    const f = memoByString((s) => (made++, s === 'none' ? undefined : `x:${s}`), 2);
    expect([f('a'), f('a'), f('none'), f('none')]).toEqual(['x:a', 'x:a', undefined, undefined]);
    expect(made).toBe(2);
    expect(f('b')).toBe('x:b');
    expect(f('a')).toBe('x:a');
    expect(made).toBe(4);
  });
});
