import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchHostWaits } from './watchHostWaits';

describe('waits for sandboxed host code', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const watch = () => {
    const heard: (string | undefined)[] = [];
    return { heard, waits: watchHostWaits((w) => heard.push(w), () => Date.now(), 1000) };
  };

  it('say nothing of calls answered in time, however many', () => {
    const { heard, waits } = watch();
    for (let i = 1; i <= 5000; i++) {
      waits.begin(i, 'kv: store#get');
      waits.end(i);
    }
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('name the oldest call once it has waited a second, and say when it was answered', () => {
    const { heard, waits } = watch();
    waits.begin(1, 'kv: atomics#increment');
    vi.advanceTimersByTime(600);
    waits.begin(2, 'kv: store#get');
    vi.advanceTimersByTime(399);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(['kv: atomics#increment']);
    waits.end(1);
    expect(heard).toEqual(['kv: atomics#increment', undefined]);
    // The other call began 600 ms after the first: it is long 600 ms later.
    vi.advanceTimersByTime(599);
    expect(heard).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(['kv: atomics#increment', undefined, 'kv: store#get']);
  });

  it('a call answered after being named no longer speaks for a stop that comes later', () => {
    const { heard, waits } = watch();
    waits.begin(0, 'kv: loading');
    vi.advanceTimersByTime(1500);
    waits.end(0);
    vi.advanceTimersByTime(10_000);
    expect(heard).toEqual(['kv: loading', undefined]);
  });
});
