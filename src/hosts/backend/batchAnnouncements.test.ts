import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_WINDOW_MS, createAnnouncer, flushAnnouncements, MAX_CHANGES_PER_POST } from './batchAnnouncements';

describe('createAnnouncer (key-value change notices)', () => {
  afterEach(() => vi.useRealTimers());

  it('posts a lone change at once and later changes of the burst together, in order, after the window', () => {
    vi.useFakeTimers();
    const posts: number[][] = [];
    const a = createAnnouncer<number>((batch) => posts.push(batch), () => Date.now());
    a.announce([1]);
    expect(posts).toEqual([[1]]);
    a.announce([2]);
    a.announce([3, 4]);
    expect(posts).toEqual([[1]]);
    vi.advanceTimersByTime(ANNOUNCE_WINDOW_MS);
    expect(posts).toEqual([[1], [2, 3, 4]]);
    // Quiet again: the next change goes out at once.
    vi.advanceTimersByTime(ANNOUNCE_WINDOW_MS);
    a.announce([5]);
    expect(posts).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('never holds more than a full post and splits big batches', () => {
    vi.useFakeTimers();
    const posts: number[][] = [];
    const a = createAnnouncer<number>((batch) => posts.push(batch), () => Date.now());
    a.announce([0]);
    for (let i = 1; i <= MAX_CHANGES_PER_POST; i++) a.announce([i]);
    expect(posts.map((p) => p.length)).toEqual([1, MAX_CHANGES_PER_POST]);
    const many = Array.from({ length: 2 * MAX_CHANGES_PER_POST + 1 }, (_, i) => 1000 + i);
    a.announce(many);
    expect(posts.slice(2).map((p) => p.length)).toEqual([MAX_CHANGES_PER_POST, MAX_CHANGES_PER_POST, 1]);
    vi.advanceTimersByTime(ANNOUNCE_WINDOW_MS);
    expect(posts).toHaveLength(5);
    expect(posts.flat()).toEqual([...Array.from({ length: MAX_CHANGES_PER_POST + 1 }, (_, i) => i), ...many]);
  });

  it('flushAnnouncements posts what is pending at once (the run worker calls it before it may be terminated)', () => {
    vi.useFakeTimers();
    const posts: string[][] = [];
    const a = createAnnouncer<string>((batch) => posts.push(batch), () => Date.now());
    const b = createAnnouncer<string>((batch) => posts.push(batch), () => Date.now());
    a.announce(['a1']);
    a.announce(['a2']);
    b.announce(['b1']);
    b.announce(['b2']);
    flushAnnouncements();
    expect(posts).toEqual([['a1'], ['b1'], ['a2'], ['b2']]);
    vi.advanceTimersByTime(ANNOUNCE_WINDOW_MS);
    expect(posts).toHaveLength(4);
  });
});
