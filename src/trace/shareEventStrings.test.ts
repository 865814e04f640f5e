import { describe, expect, it } from 'vitest';
import { createEventStringSharer } from './shareEventStrings';
import type { TraceEvent } from './traceEvent';

const events = (): TraceEvent[] => [
  { kind: 'message', action: 'deliver', topic: 'bench.flood', envelope: { id: 'u-1', source: 'wcp/tab/source', type: 'wasi.messaging', specversion: '1.0', time: '2026-12-02T14:00:00.000Z', wcpmetadata: 'x'.repeat(300) }, data: new Uint8Array([1, 2]), to: 'sink', id: 'sink:r:1', guest: 'sink', tab: '', at: 1 },
  { kind: 'call', iface: 'wasi:keyvalue/store@0.2.0-draft2', fn: '[method]bucket.get', args: ['k'], result: 'v', ok: true, ms: 0.5, target: { type: 'store', name: 'default' }, dir: 'import', servedBy: 'lib', id: 'g:r:2', guest: 'g', tab: '', at: 2 },
  { kind: 'lifecycle', phase: 'exit', id: 'g:r:3', guest: 'g', tab: '', at: 3, detail: 'done' },
];

describe('createEventStringSharer', () => {
  it('leaves every field of every kind of event as it was', () => {
    const share = createEventStringSharer();
    const got = structuredClone(events());
    for (const e of got) share(e);
    expect(got).toEqual(events());
  });

  it('keeps working past its pool limit (starts the pool over)', () => {
    const share = createEventStringSharer(4);
    const got = Array.from({ length: 20 }, (_, i) => ({ ...structuredClone(events()[0]), topic: `t.${i}` }) as TraceEvent);
    for (const e of got) share(e);
    expect(got.map((e) => (e.kind === 'message' ? e.topic : ''))).toEqual(Array.from({ length: 20 }, (_, i) => `t.${i}`));
  });

  it('passes malformed fields (from another tab) through untouched', () => {
    const share = createEventStringSharer();
    const odd = { kind: 'call', id: 'x', guest: 7, target: 'not-an-object', envelope: null } as unknown as TraceEvent;
    expect(() => share(odd)).not.toThrow();
    expect(odd).toEqual({ kind: 'call', id: 'x', guest: 7, target: 'not-an-object', envelope: null, iface: undefined, fn: undefined, dir: undefined });
  });
});
