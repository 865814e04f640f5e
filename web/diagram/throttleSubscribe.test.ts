import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttleSubscribe } from './useTraceView';

describe('throttleSubscribe (diagram renders under a flood)', () => {
  afterEach(() => vi.useRealTimers());

  it('passes the first change at once, coalesces a burst into one later call, and loses none', () => {
    vi.useFakeTimers();
    let notify = () => {};
    const unsubscribed = vi.fn();
    const subscribe = (fn: () => void) => ((notify = fn), unsubscribed);
    const seen = vi.fn();
    const off = throttleSubscribe(subscribe, 100, () => Date.now())(seen);
    notify();
    expect(seen).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(16);
      notify();
    }
    expect(seen).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(seen).toHaveBeenCalledTimes(2); // the burst, once
    vi.advanceTimersByTime(1000);
    notify();
    expect(seen).toHaveBeenCalledTimes(3); // after a quiet spell: at once again
    notify();
    off();
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveBeenCalledTimes(3); // a pending call is dropped on unsubscribe
    expect(unsubscribed).toHaveBeenCalled();
  });
});
