import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/index';
import { describeTraceEvent, formatMs, matchesFilter, preview } from './describeTraceEvent';

const base = { id: 't:1', guest: 'counter', tab: 'tab-a', at: 1000 };
const call: TraceEvent = { ...base, kind: 'call', dir: 'import', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: 'open', args: ['counters'], result: '<bucket#1>', ok: true, ms: 1.5 };

describe('describeTraceEvent', () => {
  it('renders calls as iface#fn with args → result', () => {
    const d = describeTraceEvent(call);
    expect(d).toMatchObject({ kind: 'call', what: 'keyvalue/store#open', whatTitle: 'wasi:keyvalue/store@0.2.0-draft2#open', detail: '("counters") → "<bucket#1>"', ok: true, ms: 1.5 });
  });

  it('marks failed calls and bus drops as errors', () => {
    expect(describeTraceEvent({ ...call, ok: false, result: { tag: 'no-such-store' } }).detail).toBe('("counters") → err {"tag":"no-such-store"}');
    const drop: TraceEvent = { ...base, kind: 'message', action: 'drop', topic: 'orders.new', envelope: {}, data: new TextEncoder().encode('hi') };
    expect(describeTraceEvent(drop)).toMatchObject({ kind: 'drop', what: 'orders.new', detail: '"hi"', ok: false });
  });

  it("says why a standard handler's message was dropped, and finds it by that reason", () => {
    const dropped: TraceEvent = { ...base, guest: 'payments', kind: 'message', action: 'drop', topic: 'orders.paid', envelope: {}, data: new TextEncoder().encode('#07'), to: 'payments', reason: 'handler returned err' };
    expect(describeTraceEvent(dropped)).toMatchObject({ kind: 'drop', what: 'orders.paid', detail: '"#07" → payments · handler returned err', ok: false });
    expect(matchesFilter(dropped, 'returned err')).toBe(true);
  });

  it('says a message came via NATS apart from its payload, which a narrow table cuts at its end', () => {
    const delivered = { ...base, guest: 'all-orders', kind: 'message', action: 'deliver', topic: 'orders.paid', envelope: {}, data: new TextEncoder().encode('#07'), to: 'all-orders', transit: { via: 'NATS', ms: 19.4 } } as TraceEvent;
    expect(describeTraceEvent(delivered)).toMatchObject({ detail: '"#07" → all-orders', via: 'via NATS', ms: 19.4 });
  });

  it('filters over iface, fn, topic and guest, case-insensitively', () => {
    expect(matchesFilter(call, 'KEYVALUE')).toBe(true);
    expect(matchesFilter(call, 'open')).toBe(true);
    expect(matchesFilter(call, 'counter')).toBe(true);
    expect(matchesFilter(call, 'blobstore')).toBe(false);
    expect(matchesFilter(call, '')).toBe(true);
    // A call on a bucket is found by the bucket's name, not only the `open` that named it.
    const get: TraceEvent = { ...call, fn: '[method]bucket.get', args: ['<bucket#1>', 'visits'], target: { type: 'store', name: 'counters-2024' } };
    expect(matchesFilter(get, 'counters-2024')).toBe(true);
    expect(matchesFilter(call, 'counters-2024')).toBe(false);
  });

  it('writes durations as the ms column does', () => {
    expect([formatMs(3.24), formatMs(19.4), formatMs(1234.5)]).toEqual(['3.2 ms', '19 ms', '1235 ms']);
  });

  it('truncates long previews', () => {
    expect(preview('x'.repeat(500)).length).toBe(80);
  });
});
