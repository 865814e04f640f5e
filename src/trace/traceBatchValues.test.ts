import { describe, expect, it } from 'vitest';
import { createTraceBatchWriter } from './encodeTraceBatch';
import { decodeTraceBatch } from './decodeTraceBatch';
import { RESOURCE_NAME, renderValue } from '../runtime/renderValue';
import type { HostCallEvent } from './traceEvent';

class Bucket {
  static [RESOURCE_NAME] = 'bucket';
}
class Unnamed {}
const bytes = (n: number, f: (i: number) => number) => Uint8Array.from({ length: n }, (_, i) => f(i));
const nested = (d: number): unknown => (d === 0 ? 'leaf' : { d, next: nested(d - 1), list: [d, [d]] });

// Every branch of renderValue, as host calls hand them over.
const values: unknown[] = [
  undefined, null, true, false, 0, -0, 1.5, NaN, Infinity, -7, 2n ** 70n, -3n, '', 'text', 'x'.repeat(200), 'y'.repeat(201), 'é€😀',
  new Uint8Array(0), new TextEncoder().encode('payload-of-32-bytes.............'), bytes(300, () => 0x61), bytes(256, () => 0x62), bytes(257, () => 0x63),
  bytes(64, (i) => i), bytes(65, (i) => i), bytes(300, (i) => i % 256), new TextEncoder().encode('tab\there\nnewline'), new TextEncoder().encode('ünïcödé ✓'),
  bytes(3, () => 0xff), new TextEncoder().encode('a\u0001b'),
  [], [1, 'two', 3n, null, undefined], Array.from({ length: 20 }, (_, i) => i), Array.from({ length: 25 }, (_, i) => `s${i}`),
  [new Bucket(), new Bucket()], new Unnamed(), new Error('boom'), new Int32Array(2), Object.create(null), Object.assign(Object.create(null), { a: 1 }),
  { tag: 'ok', val: [5n, new Bucket()] }, { tag: 'err', val: { tag: 'other', val: 'nope' } }, { 1: 'one', b: 'b', 0: 'zero' }, { bytes: new Uint8Array([1, 2]) },
  function named() {}, () => 1, Symbol('s'), nested(3), nested(6), [[[[[['deep']]]]]], [[[[[new Uint8Array([104, 105])]]]]],
  [BigInt(1), [BigInt(2), new Uint8Array(300)]], { long: 'z'.repeat(500) },
];

describe('host values written raw into a trace batch', () => {
  it('come out of the page as renderValue shows them', () => {
    // Rendering first numbers the resources; the writer then finds the same numbers.
    const expected = values.map((v) => renderValue(v));
    const writer = createTraceBatchWriter('g', 'g:r:');
    writer.write({ kind: 'message', action: 'send', topic: 't', envelope: { id: 'm0' }, data: bytes(10, (i) => i) });
    for (const v of values) writer.write({ kind: 'call', dir: 'import', iface: 'i', fn: 'f', args: [v, 'plain', v], argsRaw: true, ok: true, result: v, resultRaw: true, ms: 1 });
    writer.write({ kind: 'call', dir: 'import', iface: 'i', fn: 'void', args: [], argsRaw: true, ok: true, result: undefined, resultRaw: true, ms: 0 });
    writer.write({ kind: 'message', action: 'send', topic: 't', envelope: { id: 'm1' }, data: bytes(5, (i) => 9 - i) });
    const events = decodeTraceBatch(structuredClone(writer.take()));
    const calls = events.filter((e): e is HostCallEvent => e.kind === 'call');
    expect(calls.slice(0, -1).map((e) => e.result)).toEqual(expected);
    expect(calls.slice(0, -1).map((e) => e.args)).toEqual(expected.map((x) => [x, 'plain', x]));
    expect(calls.at(-1)).toMatchObject({ fn: 'void', args: [], result: null });
    expect('result' in calls.at(-1)!).toBe(true);
    // Payloads before and after the values' bytes are still their own.
    const [first, last] = events.filter((e) => e.kind === 'message');
    expect(first.kind === 'message' && [...first.data]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(last.kind === 'message' && [...last.data]).toEqual([9, 8, 7, 6, 5]);
  });

  it('keep rendered args and results as they are', () => {
    const writer = createTraceBatchWriter('g', 'g:r:');
    const shown = ['x'.repeat(200) + '…', { bytes: 2, text: 'hi' }];
    writer.write({ kind: 'call', dir: 'import', iface: 'i', fn: 'f', args: shown, ok: false, result: 'Error: boom', ms: 0 });
    const [e] = decodeTraceBatch(structuredClone(writer.take())) as HostCallEvent[];
    expect(e.args).toEqual(shown);
    expect(e.result).toBe('Error: boom');
  });
});
