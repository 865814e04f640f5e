import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/index';
import { compareRuns } from './compareRuns';

let n = 0;
const msg = (action: 'send' | 'deliver' | 'drop', guest: string, topic: string, to?: string): TraceEvent => ({
  kind: 'message', action, topic, guest, to, id: `e${n++}`, tab: 't', at: n, envelope: {}, data: new Uint8Array(),
});
const failedCall = (guest: string): TraceEvent => ({ kind: 'call', dir: 'import', iface: 'wasi:keyvalue/atomics', fn: 'increment', args: [], ok: false, ms: 1, id: `e${n++}`, guest, tab: 't', at: n, target: { type: 'store', name: 'tally' } });

describe('compareRuns', () => {
  it('counts each edge in both runs, changed message edges first, failures per guest', () => {
    const faulty = [msg('send', 'producer', 'orders'), msg('drop', 'producer', 'orders'), msg('deliver', 'producer', 'orders', 'tally'), failedCall('tally')];
    const clean = [msg('send', 'producer', 'orders'), msg('send', 'producer', 'orders'), msg('deliver', 'producer', 'orders', 'tally'), msg('deliver', 'producer', 'orders', 'tally')];
    const rows = compareRuns(faulty, clean);
    expect(rows.map((r) => [r.family, r.from, r.to, r.before, r.after, r.badBefore, r.badAfter])).toEqual([
      ['message', 'guest:producer', 'topic:orders', 2, 2, 1, 0],
      ['message', 'topic:orders', 'guest:tally', 1, 2, 0, 0],
      ['failures', 'guest:tally', '', 1, 0, 1, 0],
      ['call', 'guest:tally', 'store:tally', 1, 0, 1, 0],
    ]);
  });
});
