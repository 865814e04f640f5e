import { describe, expect, it } from 'vitest';
import type { HostCallEvent, MessageEvent_ } from '../trace/traceEvent';
import { fnMatches, judgeRun } from './judgeRun';
import { emptyRecord, type GuestRecord, type RunRecord } from './runRecord';

let seq = 0;
const call = (guest: string, fn: string, ok = true, args: unknown[] = []): HostCallEvent => ({ kind: 'call', id: `e${seq++}`, guest, tab: 't', at: seq, iface: 'wasi:keyvalue/atomics@0.2.0-draft2', fn, args, ok, ms: 1, dir: 'import' });
const msg = (guest: string, action: MessageEvent_['action'], topic: string, envelope: Record<string, unknown> = {}): MessageEvent_ => ({ kind: 'message', id: `e${seq++}`, guest, tab: 't', at: seq, action, topic, envelope, data: new Uint8Array() });
const guest = (name: string, patch: Partial<GuestRecord> = {}): GuestRecord => ({ name, traceName: name, run: 1, call: 'run', state: 'finished', stdout: [], stderr: [], ...patch });
const record = (patch: Partial<RunRecord>): RunRecord => ({ ...emptyRecord(), ...patch });

describe('judgeRun: declarative checks over a run record', () => {
  it('names a key that holds the wrong value after several runs', () => {
    const run = record({ runs: 3, guests: [guest('visits', { result: '2' })], storage: { kv: { counters: { visits: '2' } }, blobs: {}, topics: {} } });
    const v = judgeRun({ expect: [{ kind: 'key', bucket: 'counters', key: 'visits', equals: 3 }, { kind: 'result', equals: 3 }] }, run);
    expect(v.pass).toBe(false);
    expect(v.problems).toEqual(['key `visits` holds 2, expected 3 after 3 runs', '`run` returned "2", expected 3 after 3 runs']);
  });

  it('names a u64 result as the console prints it: bare, not quoted', () => {
    const run = record({ guests: [guest('visits', { result: '2', resultText: '2' })] });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 3 }] }, run).problems).toEqual(['`run` returned 2, expected 3']);
    const text = record({ guests: [guest('hello', { result: 'hello', resultText: '"hello"' })] });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 'hello, wasi' }] }, text).problems).toEqual(['`run` returned "hello", expected "hello, wasi"']);
  });

  it('says no guest was called when none has a call (it read "no guest was never called")', () => {
    const run = record({ guests: [guest('handler', { call: undefined })] });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 3 }] }, run).problems).toEqual(['no guest was called: none has a `call` in this lesson']);
  });

  it('passes when every expectation holds; numbers and decimal strings compare equal', () => {
    const run = record({ guests: [guest('visits', { result: '3', stdout: ['visit number 3'] })], storage: { kv: { counters: { visits: '3' } }, blobs: {}, topics: {} } });
    const v = judgeRun({ expect: [{ kind: 'key', bucket: 'counters', key: 'visits', equals: 3 }, { kind: 'result', equals: 3 }, { kind: 'stdout', includes: 'visit number' }] }, run);
    expect(v).toEqual({ pass: true, problems: [], passed: ['key `visits` = 3', 'returns 3', 'prints “visit number”'] });
  });

  it('says a handler never called a function', () => {
    const run = record({ guests: [guest('shop-a', { call: undefined, state: 'stopped' })], events: [msg('shop-a', 'deliver', 'price')] });
    const v = judgeRun({ expect: [{ kind: 'calls', guest: 'shop-a', fn: 'reply', perDelivery: 1 }] }, run);
    expect(v.problems).toEqual(['the handler never called `reply`; expected 1 per message (1 message delivered)']);
  });

  it('counts calls per delivered message', () => {
    const events = [msg('w', 'deliver', 'jobs'), call('w', 'increment'), call('w', 'increment'), call('w', 'increment'), msg('w', 'deliver', '_inbox.x')];
    const v = judgeRun({ expect: [{ kind: 'calls', guest: 'w', fn: 'increment', perDelivery: 1 }] }, record({ guests: [guest('w', { call: undefined })], events }));
    expect(v.problems).toEqual(['`increment` was called 3 times, expected 1 per message (1 message delivered)']);
  });

  it('matches methods by bare name and filters failed calls', () => {
    expect(fnMatches('[method]bucket.list-keys', 'list-keys')).toBe(true);
    expect(fnMatches('[method]bucket.get', 'get-many')).toBe(false);
    const run = record({ guests: [guest('p')], events: [call('p', 'increment', false), call('p', 'increment', true)] });
    expect(judgeRun({ expect: [{ kind: 'calls', fn: 'increment', ok: false, count: 1 }] }, run).pass).toBe(true);
    expect(judgeRun({ expect: [{ kind: 'calls', fn: 'nack', min: 1 }] }, run).problems).toEqual(['the guest never called `nack`; expected at least 1']);
  });

  it('copies of the same guest are matched by name (name#2)', () => {
    const run = record({ copies: 2, guests: [guest('hits'), guest('hits', { traceName: 'hits#2' })], events: [call('hits', 'increment'), call('hits#2', 'increment')], storage: { kv: { counters: { hits: '57' } }, blobs: {}, topics: {} } });
    const v = judgeRun({ expect: [{ kind: 'calls', guest: 'hits', fn: 'increment', count: 2 }, { kind: 'key', bucket: 'counters', key: 'hits', equals: 100 }] }, run);
    expect(v.problems).toEqual(['key `hits` holds 57, expected 100 after 2 copies ran at once']);
  });

  it('checks messages by action, topic, receiver and CloudEvents attributes', () => {
    const events = [msg('shop', 'send', 'orders.created', { datacontenttype: 'text/plain' }), msg('eu', 'deliver', 'orders.eu')];
    const run = record({ guests: [guest('shop')], events });
    const v = judgeRun({ expect: [
      { kind: 'messages', action: 'send', topic: 'orders.created', envelope: { datacontenttype: 'application/json' }, count: 1 },
      { kind: 'messages', action: 'deliver', guest: 'eu', count: 1 },
      { kind: 'messages', action: 'deliver', guest: 'all', count: 2 },
    ] }, run);
    expect(v.problems).toEqual([
      '0 messages were sent on `orders.created` with datacontenttype=application/json, expected 1',
      '0 messages were delivered to `all`, expected 2',
    ]);
  });

  it('reports traps first, then missing keys, blobs and topic logs; `say` replaces the sentence', () => {
    const run = record({ guests: [guest('g', { state: 'trapped', trap: 'unreachable executed' })], storage: { kv: {}, blobs: { notes: { 'a.txt': 'hello' } }, topics: { 'sensors.temp': [{ offset: 0, data: 'x' }] } } });
    const v = judgeRun({ expect: [
      { kind: 'key', bucket: 'b', key: 'k' },
      { kind: 'blob', container: 'notes', name: 'a.txt', equals: 'hello!' },
      { kind: 'topicLog', topic: 'sensors.temp', count: 5 },
      { kind: 'stdout', includes: 'done', say: 'print done at the end' },
    ] }, run);
    expect(v.problems).toEqual([
      '`g` trapped: unreachable executed',
      'key `k` in bucket `b` was never set',
      'blob `a.txt` in container `notes` holds “hello”, expected “hello!”',
      'the log of topic `sensors.temp` holds 1 message, expected 5',
      'print done at the end',
    ]);
  });

  it("says a JavaScript guest's exception as Run does, not as a wasm trap", () => {
    const run = record({ guests: [guest('hello', { state: 'trapped', trap: 'uncaught exception: console.lg is not a function (at line 6:11)' })] });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 'hello, wasi' }] }, run).problems).toEqual([
      '`hello` threw an uncaught exception: console.lg is not a function (at line 6:11)',
      '`run` did not return (it threw an exception)',
    ]);
  });

  it('says a WAT guest trapped once, not "trapped: guest trapped: wasm trap:"', () => {
    const run = record({ guests: [guest('sum', { state: 'trapped', trap: 'guest trapped: wasm trap: wasm unreachable instruction executed' })] });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 55 }] }, run).problems).toEqual(['`sum` trapped: wasm unreachable instruction executed', '`run` did not return (it trapped)']);
  });

  it('says a guest stopped at the time limit was stopped, not that it trapped', () => {
    const run = record({ guests: [guest('hello', { state: 'timeout', trap: 'stopped at the time limit (5 s): an infinite loop?' })] });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 'hello, wasi' }] }, run).problems).toEqual([
      '`hello` was stopped at the time limit (5 s): an infinite loop?',
      '`run` did not return (it was stopped at the time limit)',
    ]);
  });

  it('says the same exception of every run once, with the runs it happened in (QA #7: three near-identical bullets)', () => {
    const trap = 'uncaught TypeError: bucket.gett is not a function (at line 11:25)';
    const run = record({ runs: 3, guests: [1, 2, 3].map((n) => guest('visits', { run: n, state: 'trapped', trap })) });
    expect(judgeRun({ expect: [{ kind: 'result', equals: 3 }] }, run).problems).toEqual([
      '`visits` threw an uncaught TypeError: bucket.gett is not a function (at line 11:25) (in all 3 runs)',
      '`run` did not return (it threw an exception)',
    ]);
    const some = record({ runs: 3, guests: [guest('visits', { result: '1' }), guest('visits', { run: 2, state: 'trapped', trap }), guest('visits', { run: 3, state: 'trapped', trap })] });
    expect(judgeRun({ expect: [] }, some).problems).toEqual(['`visits` threw an uncaught TypeError: bucket.gett is not a function (at line 11:25) (in 2 of 3 runs)']);
    // Different ends stay apart, each with its run.
    const mixed = record({ runs: 2, guests: [guest('visits', { state: 'trapped', trap }), guest('visits', { run: 2, state: 'trapped', trap: 'uncaught exception: "boom" (a string, not an Error, so no line is known: throw new Error(…) to get one)' })] });
    expect(judgeRun({ expect: [] }, mixed).problems).toHaveLength(2);
    expect(judgeRun({ expect: [] }, mixed).problems[1]).toMatch(/^`visits` in run 2 threw an uncaught exception: "boom"/);
  });

  it('says a result that did not fit its WIT type, and a stack overflow, as what they are', () => {
    const bad = '`run` returned a string whose 10 bytes do not fit in its memory of 65536 bytes (1 page of 64 KiB).';
    expect(judgeRun({ expect: [{ kind: 'result', equals: 'components' }] }, record({ guests: [guest('abi', { state: 'trapped', trap: bad })] })).problems).toEqual([
      `\`abi\` failed: ${bad}`,
      '`run` did not return (its result did not fit its WIT type)',
    ]);
    const deep = 'stack overflow: the guest called itself (or nested calls) too deeply: endless recursion?';
    expect(judgeRun({ expect: [] }, record({ guests: [guest('abi', { state: 'trapped', trap: deep })] })).problems).toEqual([`\`abi\` stopped: ${deep}`]);
  });

  it('counts keys with a prefix', () => {
    const run = record({ storage: { kv: { inv: { 'item-1': '1', 'item-2': '1', other: '1' } }, blobs: {}, topics: {} } });
    expect(judgeRun({ expect: [{ kind: 'keys', bucket: 'inv', prefix: 'item-', count: 3 }] }, run).problems).toEqual(['bucket `inv` holds 2 keys starting with `item-`, expected 3']);
  });
});
