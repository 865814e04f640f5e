import { describe, expect, it } from 'vitest';
import { createCopyFilter } from './natsCopies';

describe('copies of a message on a NATS bus', () => {
  it('admit a message once however many of the guest\'s subscriptions match it', () => {
    const filter = createCopyFilter();
    expect([filter.admit('m1', 1), filter.admit('m1', 2), filter.admit('m1', 3)]).toEqual([true, false, false]);
    expect(filter.admit('m2', 2)).toBe(true);
  });

  it('admit every transmission of a message sent twice, as the browser bus does', () => {
    const filter = createCopyFilter();
    // One subscription: both transmissions reach the guest.
    expect([filter.admit('dup', 1), filter.admit('dup', 1)]).toEqual([true, true]);
    // Two matching subscriptions, copies in any order: two transmissions, two admitted.
    const two = createCopyFilter();
    expect([two.admit('dup', 1), two.admit('dup', 2), two.admit('dup', 2), two.admit('dup', 1)]).toEqual([true, false, true, false]);
  });

  it('forgets the oldest messages beyond its size', () => {
    const filter = createCopyFilter(2);
    filter.admit('a', 1);
    filter.admit('b', 1);
    filter.admit('c', 1);
    // 'a' was forgotten: a late copy of it counts as new.
    expect(filter.admit('a', 2)).toBe(true);
    expect(filter.admit('c', 2)).toBe(false);
  });
});
