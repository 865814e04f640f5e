import { describe, expect, it } from 'vitest';
import { createTraceBatchWriter, type TraceEventInput } from './encodeTraceBatch';
import { decodeTraceBatch } from './decodeTraceBatch';
import type { TraceEvent } from './traceEvent';

const bytes = (text: string) => new TextEncoder().encode(text);

// Every field of every kind, present and absent, as producers emit them.
const inputs: TraceEventInput[] = [
  { kind: 'call', dir: 'import', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: 'open', args: ['cache'], ok: true, result: '<bucket#1>', ms: 1.5, at: 1000.25, target: { type: 'store', name: 'cache' } },
  { kind: 'call', dir: 'import', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: '[method]bucket.get', args: ['<bucket#1>', 'k'], ok: false, result: { tag: 'other', val: 'nope' }, ms: 0, at: 1001 },
  { kind: 'call', dir: 'export', iface: 'wasi:messaging/incoming-handler@0.2.0-draft', fn: 'handle', args: ['<message#2>'], ok: true, result: null, ms: 0.1, at: 1002, target: { type: 'topic', name: 'a.b' } },
  { kind: 'call', dir: 'import', iface: 'wasi:http/types@0.3.0', fn: 'send', args: [{ bytes: 3, text: 'abc' }, ['x', 1, null]], ok: true, ms: 0, at: 1003, pending: true, callId: 'c7', servedBy: 'cache-guest' },
  { kind: 'call', dir: 'import', iface: 'wasi:http/types@0.3.0', fn: 'send', args: [], ok: true, result: 'done', ms: 4, at: 1007, callId: 'c7', servedBy: 'cache-guest' },
  { kind: 'message', action: 'send', topic: 'a.b', envelope: { id: 'u1', source: '/wcp/t/g', subject: 'a.b' }, data: bytes('hello'), at: 1010 },
  { kind: 'message', action: 'deliver', topic: 'a.b', envelope: { id: 'u1', source: '/wcp/t/g', subject: 'a.b' }, data: new Uint8Array(0), to: 'sink', transit: { via: 'nats', ms: 2.5 }, fault: 'delay 37ms', at: 1011 },
  { kind: 'message', action: 'ack', topic: 'a.b', envelope: {}, data: bytes('xyz'), to: 'sink', at: 1012 },
  // A standard handler's err: dropped, with why (there is no nack in standard wasi:messaging).
  { kind: 'message', action: 'drop', topic: 'a.b', envelope: {}, data: bytes('bad'), to: 'sink', reason: 'handler returned err', at: 1012.5 },
  // Values that are not strings (an envelope from elsewhere) come back as they were.
  { kind: 'message', action: 'deliver', topic: 'a.b', envelope: { id: 'u2', time: '2026-01-01T00:00:00Z', n: 7, list: ['x'], none: null } as unknown as Record<string, string>, data: bytes('q'), to: 'sink', at: 1013 },
  { kind: 'lifecycle', phase: 'start', ms: 12, at: 1020 },
  { kind: 'lifecycle', phase: 'trap', detail: 'unreachable', at: 1021 },
  { kind: 'lifecycle', phase: 'exit', at: 1022 },
];

describe('trace batch wire format', () => {
  it('decodes to the events written, ids counting across batches', () => {
    const writer = createTraceBatchWriter('g1', 'g1:run:');
    inputs.slice(0, 4).forEach((e) => writer.write(e));
    const one = structuredClone(writer.take());
    inputs.slice(4).forEach((e) => writer.write(e));
    const two = structuredClone(writer.take());
    const decoded = [...decodeTraceBatch(one), ...decodeTraceBatch(two)];
    const expected = inputs.map((e, i) => ({ ...e, id: `g1:run:${i}`, guest: 'g1', tab: '' }) as TraceEvent);
    expect(decoded).toEqual(expected);
    // Each payload is a view of the batch's bytes, not a copy (the store copies what it sends to other tabs).
    const sent = decoded[5] as Extract<TraceEvent, { kind: 'message' }>;
    expect(sent.data.byteLength).toBe(5);
    expect(sent.data.buffer).toBe(two.bytes.buffer);
  });

  it('sends the envelope and payload a delivery shares with its ack once', () => {
    const envelope = { id: 'u9', subject: 't' };
    const data = bytes('payload');
    const writer = createTraceBatchWriter('g', 'g:r:');
    writer.write({ kind: 'message', action: 'deliver', topic: 't', envelope, data, to: 'g', at: 1 });
    writer.write({ kind: 'message', action: 'ack', topic: 't', envelope, data, to: 'g', at: 2 });
    writer.write({ kind: 'message', action: 'send', topic: 't', envelope: { ...envelope }, data, at: 3 });
    const batch = writer.take();
    expect(batch.bytes.length).toBe(2 * data.length);
    const [deliver, ack, send] = decodeTraceBatch(structuredClone(batch)) as Array<Extract<TraceEvent, { kind: 'message' }>>;
    expect(ack).toEqual({ kind: 'message', action: 'ack', topic: 't', envelope, data, to: 'g', at: 2, id: 'g:r:1', guest: 'g', tab: '' });
    expect(ack.envelope).toBe(deliver.envelope);
    expect(send.envelope).toEqual(envelope);
  });

  it('stamps events written without a time with the current time', () => {
    const writer = createTraceBatchWriter('g', 'g:r:');
    const before = performance.timeOrigin + performance.now();
    writer.write({ kind: 'lifecycle', phase: 'start' });
    const [e] = decodeTraceBatch(writer.take());
    expect(e.at).toBeGreaterThanOrEqual(before);
  });

  it('copies payloads at write time, so a producer may reuse its buffer', () => {
    const writer = createTraceBatchWriter('g', 'g:r:');
    const data = bytes('first');
    writer.write({ kind: 'message', action: 'send', topic: 't', envelope: { id: 'x' }, data });
    data.set(bytes('later'));
    const [e] = decodeTraceBatch(writer.take());
    expect(new TextDecoder().decode((e as Extract<TraceEvent, { kind: 'message' }>).data)).toBe('first');
  });

  it('rejects batches whose columns do not fit together', () => {
    const writer = createTraceBatchWriter('g', 'g:r:');
    writer.write(inputs[0]);
    const good = writer.take();
    expect(() => decodeTraceBatch({ ...good, strings: [] })).toThrow(/refers to string/);
    expect(() => decodeTraceBatch({ ...good, slots: [...good.slots, 1] })).toThrow(/left over/);
    expect(() => decodeTraceBatch({ ...good, kinds: new Uint8Array([9]) })).toThrow(/unknown kind/);
    expect(() => decodeTraceBatch({ ...good, at: new Float64Array(0) })).toThrow(/timestamp count/);
  });
});
