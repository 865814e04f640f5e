import { describe, expect, it } from 'vitest';
import { createTraceBatchWriter } from '../../trace/encodeTraceBatch';
import { readHostTraceEvent } from './readHostTraceEvent';

describe('an event emitted by sandboxed host code', () => {
  it('is refused, saying which field is wrong, when the trace could not show it', () => {
    expect(readHostTraceEvent(null)).toEqual({ error: 'event.kind must be one of call, message, lifecycle (got undefined)' });
    expect(readHostTraceEvent({ kind: 'call', iface: 42 })).toEqual({ error: 'event.iface must be a string' });
    expect(readHostTraceEvent({ kind: 'call', iface: 'a', fn: 'b', args: [], ok: true, ms: -1, dir: 'import' })).toMatchObject({ error: expect.stringMatching(/^event\.ms must be a duration/) });
    expect(readHostTraceEvent({ kind: 'message', action: 'send', topic: 't', envelope: null, data: new Uint8Array() })).toMatchObject({ error: expect.stringMatching(/^event\.envelope/) });
    expect(readHostTraceEvent({ kind: 'message', action: 'send', topic: 't', envelope: {}, data: 'text' })).toEqual({ error: 'event.data must be a Uint8Array' });
    expect(readHostTraceEvent({ kind: 'lifecycle', phase: 'exploded' })).toMatchObject({ error: expect.stringMatching(/^event\.phase must be one of/) });
  });

  it("keeps only a trace event's fields: never the runtime's raw-value marks, call ids or another guest's name", () => {
    const read = readHostTraceEvent({ kind: 'call', iface: 'audit/log', fn: 'note', args: [1], ok: true, ms: 2, dir: 'import', argsRaw: true, resultRaw: true, callId: 'x', servedBy: 'other-guest', guest: 'victim', tab: 'tab-x' });
    expect(read).toEqual({ event: { kind: 'call', iface: 'audit/log', fn: 'note', args: [1], ok: true, ms: 2, dir: 'import' } });
  });

  it('writes into a batch beside the guest events without tearing it', () => {
    const writer = createTraceBatchWriter('g', 'g:r:');
    writer.write({ kind: 'lifecycle', phase: 'start' });
    const read = readHostTraceEvent({ kind: 'message', action: 'send', topic: 'orders', envelope: { id: 'm1', n: 5 }, data: new Uint8Array([1]), transit: { via: 'NATS', ms: 3, extra: 1 } });
    if (!('event' in read)) throw new Error(read.error);
    writer.write(read.event);
    const batch = writer.take();
    expect(batch.strings.every((s) => typeof s === 'string')).toBe(true);
    expect(batch.kinds.length).toBe(2);
  });
});
