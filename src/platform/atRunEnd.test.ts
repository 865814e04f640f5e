import { describe, expect, it, vi } from 'vitest';
import { atRunEnd, endRun } from './atRunEnd';

describe('teardowns at the end of a run', () => {
  it('runs each registered teardown once, even when one throws, and forgets them', () => {
    const calls: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    atRunEnd(() => calls.push('a'));
    atRunEnd(() => {
      throw new Error('boom');
    });
    const removed = atRunEnd(() => calls.push('removed'));
    atRunEnd(() => calls.push('c'));
    removed();
    endRun();
    expect(calls).toEqual(['a', 'c']);
    expect(error).toHaveBeenCalledTimes(1);
    endRun();
    expect(calls).toEqual(['a', 'c']);
    error.mockRestore();
  });
});
