import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TraceBatch } from '../trace/traceBatch';
import { createTraceQueue, TRACE_POST_MS } from './createTraceQueue';

const life = (at: number) => ({ kind: 'lifecycle' as const, phase: 'start' as const, at });

describe('createTraceQueue', () => {
  let clock = 0;
  const sent: TraceBatch[] = [];
  const queue = () => createTraceQueue('g', (b) => sent.push(b), () => clock);
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 1000;
    sent.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("posts a quiet guest's events one frame after the first", () => {
    const q = queue();
    q.push(life(1));
    q.push(life(2));
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(sent.map((b) => b.kinds.length)).toEqual([2]);
  });

  it('under a flood that never yields, posts at most once per TRACE_POST_MS (or per 1,000 events), every event kept', () => {
    const q = queue();
    // 3,000 events over 100 ms of one task: no timer can fire.
    for (let i = 0; i < 3000; i++) {
      clock = 1000 + i / 30;
      q.push(life(i));
    }
    q.flush();
    expect(sent.reduce((n, b) => n + b.kinds.length, 0)).toBe(3000);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(100 / TRACE_POST_MS) + 1);
    expect(Math.max(...sent.map((b) => b.kinds.length))).toBeLessThanOrEqual(1000);
  });

  it('a guest that keeps yielding waits out the window after a post, not just a frame', () => {
    const q = queue();
    for (let i = 0; i < 250; i++) q.push(life(i));
    expect(sent).toHaveLength(1);
    q.push(life(251));
    clock += 16;
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(1);
    clock += TRACE_POST_MS;
    vi.advanceTimersByTime(TRACE_POST_MS);
    expect(sent).toHaveLength(2);
  });
});
