import { describe, expect, it } from 'vitest';
import { createBusyReporter, REARM_MS } from './createBusyReporter';

const nextTask = () => new Promise((r) => setTimeout(r, 1));

describe('createBusyReporter', () => {
  it('reports a burst of back-to-back calls as one busy … idle, not a pair per call', async () => {
    const posts: string[] = [];
    const busy = createBusyReporter((m) => posts.push(m.type));
    let chain = Promise.resolve();
    for (let i = 0; i < 1000; i++) {
      chain = chain.then(async () => {
        busy.enter('handle');
        await Promise.resolve();
        busy.exit();
      });
    }
    await chain;
    await nextTask();
    expect(posts).toEqual(['busy', 'idle']);
  });

  it('re-arms the watchdog while calls keep running, so long bursts are not mistaken for one long call', async () => {
    const posts: string[] = [];
    let now = 0;
    const busy = createBusyReporter((m) => posts.push(m.type), () => now);
    // 300 back-to-back calls of 1 ms each (a fake clock: no timing in the test).
    for (let i = 0; i < 300; i++) {
      busy.enter('handle');
      now += 1;
      busy.exit();
      await Promise.resolve();
    }
    await nextTask();
    expect(posts.filter((p) => p === 'busy')).toHaveLength(300 / REARM_MS);
    expect(posts.at(-1)).toBe('idle');
  });

  it('stays busy while a call is still running', async () => {
    const posts: string[] = [];
    const busy = createBusyReporter((m) => posts.push(m.type));
    busy.enter('a');
    busy.enter('b');
    busy.exit();
    await nextTask();
    expect(posts).toEqual(['busy']);
    busy.exit();
    await nextTask();
    expect(posts).toEqual(['busy', 'idle']);
  });
});
