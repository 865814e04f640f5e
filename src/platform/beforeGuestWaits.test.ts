import { describe, expect, it, vi } from 'vitest';
import { beforeGuestWaits, guestWillWait } from './beforeGuestWaits';

describe('beforeGuestWaits', () => {
  it('runs every hook on each wait until it is removed', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = beforeGuestWaits(a);
    const offB = beforeGuestWaits(b);
    guestWillWait();
    offA();
    guestWillWait();
    offB();
    guestWillWait();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('keeps going past a failing hook, which is reported, not thrown into the guest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    const offBad = beforeGuestWaits(() => {
      throw new Error('broken');
    });
    const offAfter = beforeGuestWaits(after);
    expect(() => guestWillWait()).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('a before-wait hook failed', expect.any(Error));
    offBad();
    offAfter();
    error.mockRestore();
  });
});
