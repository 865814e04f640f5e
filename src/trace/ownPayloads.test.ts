import { describe, expect, it } from 'vitest';
import { ownPayloads } from './ownPayloads';
import type { TraceEvent } from './traceEvent';

const message = (data: Uint8Array): TraceEvent => ({ kind: 'message', id: 'm', guest: 'g', tab: 't', at: 1, action: 'send', topic: 'a', envelope: {}, data });

describe('ownPayloads', () => {
  it('copies a payload that is a view into a larger buffer, leaving the event as it was', () => {
    const batch = new Uint8Array([1, 2, 3, 4, 5]);
    const view = message(batch.subarray(1, 3));
    const [sent] = ownPayloads([view]) as Extract<TraceEvent, { kind: 'message' }>[];
    expect([...sent.data]).toEqual([2, 3]);
    expect(sent.data.buffer.byteLength).toBe(2);
    expect((view as typeof sent).data.buffer).toBe(batch.buffer);
  });

  it('passes events whose payload owns its buffer, and other kinds, through unchanged', () => {
    const own = message(new Uint8Array([7]));
    const life: TraceEvent = { kind: 'lifecycle', id: 'l', guest: 'g', tab: 't', at: 2, phase: 'start' };
    const out = ownPayloads([own, life]);
    expect(out[0]).toBe(own);
    expect(out[1]).toBe(life);
  });
});
