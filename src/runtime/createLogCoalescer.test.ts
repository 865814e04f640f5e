import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { splitLines } from '../platform/splitLines';
import { createLogCoalescer, LOG_POST_MS, type LogMessage } from './createLogCoalescer';

/** The console lines the page makes of these messages. */
const shown = (msgs: LogMessage[]) => msgs.flatMap((m) => splitLines(m.text));

const log = (text: string, stream: 'stdout' | 'stderr' = 'stdout', guest?: string): LogMessage => ({ type: 'log', seq: 1, stream, text, ...(guest ? { guest } : {}) });

describe('createLogCoalescer', () => {
  let clock = 0;
  const sent: LogMessage[] = [];
  const make = () => createLogCoalescer((m) => sent.push(m), () => clock);
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 1000;
    sent.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('posts the first writes of a frame at once (a guest that prints and then hangs has them shown)', () => {
    const logs = make();
    for (let i = 0; i < 32; i++) logs.push(log(`${i}\n`));
    expect(sent).toHaveLength(32);
  });

  it('joins a burst of writes into one message a frame later, text and order kept', () => {
    const logs = make();
    logs.push(log('a\n'));
    for (let i = 0; i < 500; i++) logs.push(log(`line ${i}\n`));
    expect(sent).toHaveLength(32);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(33);
    expect(shown(sent)).toEqual(['a', ...Array.from({ length: 500 }, (_, i) => `line ${i}`)]);
  });

  it("joins the stdout sink's lines (no newline), host code's texts and empty lines into exactly the lines the page showed one by one", () => {
    const logs = make();
    for (let i = 0; i < 32; i++) logs.push(log('warm-up'));
    const texts = ['one', '', 'two\n', 'three\r\nfour\n', '', 'five\n\n', 'six', ''];
    for (const t of texts) logs.push(log(t));
    logs.flush();
    expect(shown(sent.slice(32))).toEqual(shown(texts.map((t) => log(t))));
  });

  it('from a guest that never yields, posts at most every LOG_POST_MS', () => {
    const logs = make();
    for (let i = 0; i < 10_000; i++) {
      clock = 1000 + i / 50; // 200 ms in all
      logs.push(log('x\n'));
    }
    logs.flush();
    // The first 32 at once, then one post per LOG_POST_MS.
    expect(sent.length).toBeLessThanOrEqual(32 + 1 + Math.ceil(200 / LOG_POST_MS));
    expect(shown(sent)).toHaveLength(10_000);
  });

  it('keeps streams and guests apart, in the order written', () => {
    const logs = make();
    for (let i = 0; i < 32; i++) logs.push(log(''));
    sent.length = 0;
    logs.push(log('1'));
    logs.push(log('2'));
    logs.push(log('3', 'stderr'));
    logs.push(log('4', 'stderr'));
    logs.push(log('5', 'stderr', 'linked'));
    logs.flush();
    expect(sent.map((m) => [m.stream, m.guest, m.text])).toEqual([
      ['stdout', undefined, '1\n2\n'],
      ['stderr', undefined, '3\n4\n'],
      ['stderr', 'linked', '5'],
    ]);
  });
});
