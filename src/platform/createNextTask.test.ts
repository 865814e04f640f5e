import { describe, expect, it } from 'vitest';
import { createNextTask } from './createNextTask';

describe('createNextTask', () => {
  it('runs after the current task, once per schedule, in order with other queued work', async () => {
    const seen: string[] = [];
    const next = createNextTask(() => seen.push('next'));
    next.schedule();
    next.schedule();
    await Promise.resolve();
    seen.push('microtask');
    expect(seen).toEqual(['microtask']);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['microtask', 'next', 'next']);
  });

  it('runs nothing queued after close', async () => {
    let runs = 0;
    const next = createNextTask(() => (runs += 1));
    next.schedule();
    next.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(0);
  });
});
