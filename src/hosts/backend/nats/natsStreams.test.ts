import { describe, expect, it } from 'vitest';
import { covers, mergeSubjects, overlaps } from './natsStreams';

describe('stream subjects', () => {
  it('knows which NATS patterns cover and overlap others', () => {
    expect(covers('orders.>', 'orders.eu.paid')).toBe(true);
    expect(covers('orders.*', 'orders.eu')).toBe(true);
    expect(covers('orders.*', 'orders.>')).toBe(false);
    expect(covers('orders.eu', 'orders.*')).toBe(false);
    expect(covers('orders.>', 'orders')).toBe(false);
    expect(overlaps('orders.*', '*.eu')).toBe(true);
    expect(overlaps('orders.eu', 'orders.us')).toBe(false);
    expect(overlaps('a.>', 'a.b.c')).toBe(true);
  });

  it('keeps the list free of overlaps, as the server requires', () => {
    expect(mergeSubjects(['orders.eu'], ['orders.*'])).toEqual(['orders.*']);
    expect(mergeSubjects(['orders.*'], ['orders.eu'])).toEqual(['orders.*']);
    expect(mergeSubjects(['orders.eu', 'orders.us', 'jobs'], ['orders.>'])).toEqual(['jobs', 'orders.>']);
    expect(mergeSubjects(['orders.*'], ['*.eu'])).toEqual(['*.*']);
    expect(mergeSubjects(['sensors.temp', 'jobs'], ['work'])).toEqual(['sensors.temp', 'jobs', 'work']);
    const merged = mergeSubjects(['a.b', 'a.*.c', 'x'], ['a.>', 'x.y']);
    for (const s of merged) for (const t of merged) if (s !== t) expect(overlaps(s, t)).toBe(false);
  });
});
