import { describe, expect, it, vi } from 'vitest';
import { createBusyReporter, IDLE_AFTER_MS, REARM_MS } from './createBusyReporter';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for the quiet period (at most two IDLE_AFTER_MS waits) to end. */
const nextTask = () => sleep(2 * IDLE_AFTER_MS + 15);

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

  it('keeps paced bursts a few ms apart as one busy period, then reports idle once they stop', () => {
    // Fake timers: a loaded machine must not stretch the 2 ms gaps past the quiet period.
    vi.useFakeTimers();
    try {
      const posts: string[] = [];
      const busy = createBusyReporter((m) => posts.push(m.type), () => Date.now());
      for (let burst = 0; burst < 5; burst++) {
        for (let i = 0; i < 4; i++) {
          busy.enter('handle');
          busy.exit();
        }
        vi.advanceTimersByTime(2);
      }
      expect(posts).toEqual(['busy']);
      vi.advanceTimersByTime(2 * IDLE_AFTER_MS);
      expect(posts).toEqual(['busy', 'idle']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait for quiet when the watchdog was armed long ago: idle goes at the next task', async () => {
    const posts: string[] = [];
    let now = 0;
    const busy = createBusyReporter((m) => posts.push(m.type), () => now);
    busy.enter('slow');
    now = REARM_MS - IDLE_AFTER_MS; // the call took most of a re-arm period
    busy.exit();
    await sleep(1);
    expect(posts).toEqual(['busy', 'idle']);
  });
});
