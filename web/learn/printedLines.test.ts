import { describe, expect, it } from 'vitest';
import { emptyRecord, lessons, type GuestRecord, type RunRecord } from '../../src/index';
import { printedLines } from './printedLines';

const lesson = (id: string) => lessons.find((l) => l.id === id)!;
const guest = (name: string, stdout: string[], stderr: string[] = [], traceName = name): GuestRecord => ({ name, traceName, run: 1, state: 'finished', stdout, stderr });
const record = (...guests: GuestRecord[]): RunRecord => ({ ...emptyRecord(), guests });

describe('printedLines', () => {
  it('counts nothing as yours when your guest printed nothing and the lesson\'s listeners did (the pub/sub lesson)', () => {
    // What the pub/sub lesson's solution prints: only its two fixed listeners print.
    const run = record(
      guest('all-orders', ['orders.created: order on orders.created', 'orders.eu.created: order on orders.eu.created']),
      guest('eu-orders', ['orders.eu.created: order on orders.eu.created']),
      guest('order-service', []),
    );
    const out = printedLines(lesson('pubsub-wildcards'), run);
    expect(out.yours).toEqual([]);
    expect(out.helpers).toEqual([
      'all-orders › orders.created: order on orders.created',
      'all-orders › orders.eu.created: order on orders.eu.created',
      'eu-orders › orders.eu.created: order on orders.eu.created',
    ]);
  });

  it('keeps your stdout and stderr, every copy and run, and a guest sharing your code as yours', () => {
    const race = printedLines(lesson('race-across-two-tabs'), record(guest('hits', ['a']), guest('hits', [], ['oops'], 'hits#2')));
    expect(race).toEqual({ yours: ['hits › a', 'hits#2 ⚠ oops'], helpers: [] });
    const queue = printedLines(lesson('work-queues'), record(guest('worker-a', ['working on job-2']), guest('worker-b', ['working on job-1']), guest('job-board', [])));
    expect(queue.yours).toEqual(['worker-a › working on job-2', 'worker-b › working on job-1']);
  });

  it('is empty without a run (the code did not build)', () => {
    expect(printedLines(lesson('component-and-world'), undefined)).toEqual({ yours: [], helpers: [] });
  });
});
