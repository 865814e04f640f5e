import { describe, expect, it } from 'vitest';
import { wrapInterface, type CallSink } from './wrapInterface';
import { renderValue } from './renderValue';
import { createTraceBatchWriter } from '../trace/encodeTraceBatch';
import { decodeTraceBatch } from '../trace/decodeTraceBatch';
import type { HostCallEvent } from '../trace/traceEvent';

class Thing {
  constructor(readonly n: number) {}
  name() { return `thing ${this.n}`; }
  bytes(len: number) { return new Uint8Array(len).fill(0x41); }
  pair(): [bigint, Thing] { return [5n, new Thing(this.n + 1)]; }
  async later(key: string, value: Uint8Array) { return { key, size: value.length }; }
  fails(): never { throw Object.assign(new Error('x'), { payload: { tag: 'other', val: 'nope' } }); }
  take(other: Thing, bytes: Uint8Array) { return other.n + bytes.length; }
}

describe('host calls through the wrapper and the trace batch', () => {
  it('show args and results as renderValue did when the call was made', async () => {
    const calls: Parameters<CallSink>[0][] = [];
    const writer = createTraceBatchWriter('g', 'g:r:');
    const sink: CallSink = (e) => (calls.push(e), writer.write(e));
    const { Thing: T } = wrapInterface({ Thing } as never, { ifaceId: 'local:t/i', asyncImports: new Set(['local:t/i#[method]thing.later']), sink }) as { Thing: typeof Thing };
    const a = new T(1);
    const expected: Array<{ args: unknown[]; result: unknown; ok: boolean }> = [];
    const note = (args: unknown[], result: unknown, ok = true) => expected.push({ args: args.map((x) => renderValue(x)), result: renderValue(result), ok });
    note([], a.name());
    const b = a.bytes(300);
    note([300], b);
    const p = a.pair();
    note([], p);
    const bytes = new TextEncoder().encode('v');
    note(['k', bytes], await a.later('k', bytes));
    expect(() => a.fails()).toThrow();
    note([], { tag: 'other', val: 'nope' }, false);
    note([p[1], b], a.take(p[1], b));
    const decoded = decodeTraceBatch(structuredClone(writer.take())) as HostCallEvent[];
    expect(decoded.map(({ args, result, ok }) => ({ args, result, ok }))).toEqual(expected);
    // Plain arguments and answers go raw; a resource argument is rendered at the call.
    expect(calls.map((c) => [c.argsRaw ?? false, c.resultRaw ?? false])).toEqual([[true, true], [true, true], [true, true], [false, true], [true, false], [false, true]]);
    expect(decoded[2].result).toEqual(['5', expect.stringMatching(/^<thing#\d+>$/)]);
    expect(decoded[5].args[0]).toBe(decoded[2].result && (decoded[2].result as string[])[1]);
  });
});
