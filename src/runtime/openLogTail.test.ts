import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { splitLines } from '../platform/splitLines';
import { createLogCoalescer, type LogMessage } from './createLogCoalescer';
import { createLogTail } from './createLogTail';
import { openLogTail } from './openLogTail';

const log = (text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogMessage => ({ type: 'log', seq: 1, stream, text });
const lineNo = (i: number) => `line ${String(i).padStart(5, '0')}`;
/** The console lines the page makes of these messages. */
const shown = (msgs: unknown[]) => (msgs as LogMessage[]).flatMap((m) => splitLines(m.text).map((l) => (m.stream === 'stderr' ? `! ${l}` : l)));

/**
 * A run worker's coalescer and log tail wired to a page's tail reader, real MessageChannels in
 * between (Node's, which queue on an unstarted port as a browser's do). `drop(msg)`: the posts
 * terminate() empties from the page's queue before it handles them.
 */
function wire(drop: (msg: LogMessage, i: number) => boolean = () => false) {
  let clock = 1000;
  const page = openLogTail();
  const worker = createLogTail();
  worker.attach(page.port);
  const got: LogMessage[] = [];
  let posts = 0;
  const logs = createLogCoalescer(
    (msg) => {
      if (drop(msg, posts++)) return;
      if (msg.tail !== undefined) page.confirm(msg.tail);
      got.push(msg);
    },
    () => clock,
    worker,
  );
  return { page, logs, got, tick: (ms: number) => (clock += ms) };
}

/**
 * The worker is terminated: its coalescer's timer never fires (a guest that never yields
 * runs none). Then the control port's messages (the tail ports) reach the page.
 */
const terminate = () => {
  vi.useRealTimers();
  return new Promise((r) => setTimeout(r, 20));
};

describe('the log tail (createLogTail + openLogTail)', () => {
  // The coalescer's timers, faked while the guest writes (terminate() leaves them unfired).
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => void vi.useRealTimers());

  it('a guest that floods without yielding and then hangs: the page gets every line, once, in order', async () => {
    const { page, logs, got, tick } = wire();
    for (let i = 1; i <= 5000; i++) {
      tick(0.05); // 250 ms of writes in all: posts every 50 ms, the last ones held
      logs.push(log(`${lineNo(i)}\n`));
    }
    await terminate();
    // Posted: all but the held end.
    expect(shown(got).length).toBeLessThan(5000);
    const held = await page.drain();
    expect(held.length).toBeGreaterThan(0);
    expect([...shown(got), ...shown(held)]).toEqual(Array.from({ length: 5000 }, (_, i) => lineNo(i + 1)));
  });

  it('a post that terminate() dropped: its lines and the later ones come from the tail', async () => {
    // The last two joined posts never reach the page.
    let joined = 0;
    const { page, logs, got, tick } = wire((msg) => msg.tail !== undefined && ++joined >= 3);
    for (let i = 1; i <= 1000; i++) {
      tick(0.25); // a post per 200 writes once the burst is spent
      logs.push(log(`${lineNo(i)}\n`));
    }
    await terminate();
    expect(joined).toBeGreaterThanOrEqual(4);
    const held = await page.drain();
    expect([...shown(got), ...shown(held)]).toEqual(Array.from({ length: 1000 }, (_, i) => lineNo(i + 1)));
  });

  it('stdout and stderr held in turn keep their order', async () => {
    const { page, logs, got, tick } = wire();
    for (let i = 1; i <= 100; i++) {
      tick(0.1);
      logs.push(log(`${lineNo(i)}\n`, i % 3 ? 'stdout' : 'stderr'));
    }
    await terminate();
    const held = await page.drain();
    expect([...shown(got), ...shown(held)]).toEqual(Array.from({ length: 100 }, (_, i) => `${(i + 1) % 3 ? '' : '! '}${lineNo(i + 1)}`));
  });

  it('a run that posted everything leaves nothing to read: each post closes the ports it covers', async () => {
    const { page, logs, got, tick } = wire();
    for (let i = 1; i <= 1000; i++) {
      tick(0.1);
      logs.push(log(`${lineNo(i)}\n`));
    }
    logs.flush();
    await terminate();
    expect(got.some((m) => m.tail !== undefined)).toBe(true);
    expect(shown(got)).toHaveLength(1000);
    expect(await page.drain()).toEqual([]);
  });
});
