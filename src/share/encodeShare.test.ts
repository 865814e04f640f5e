import { describe, expect, it } from 'vitest';
import type { Example } from '../examples/exampleTypes';
import { examples } from '../examples/index';
import { workspaceFromExample, type Workspace } from '../workspace/workspaceTypes';
import { decodeShare, decodeShareLink } from './decodeShare';
import { encodeShare, SHARE_PREFIX } from './encodeShare';

const payloadLength = (hash: string) => hash.length - SHARE_PREFIX.length;
/** What the integrity check adds to every link: "." and 6 characters of CRC-32. */
const CHECK_LENGTH = 7;
const roundTrip = (ws: Workspace, list: readonly Example[] = examples) => decodeShare(encodeShare(ws, list), list);

/** A two-guest example of our own, so diff cases don't depend on which examples ship. */
const pubSub: Example = {
  id: 'test-pubsub',
  title: 'pub/sub',
  description: '',
  tags: [],
  guests: [
    { name: 'handler', lang: 'js', wit: 'package local:h;\nworld h {}\n', source: 'export const handle = () => {};\n', subscriptions: ['orders.*'], buckets: ['inventory'] },
    { name: 'producer', lang: 'ts', wit: 'package local:p;\nworld p { export run: func(); }\n', source: 'export function run(): void {}\n'.repeat(20), call: 'run' },
  ],
};
const withPubSub = [...examples, pubSub];

describe('encodeShare', () => {
  it('has examples to test against', () => expect(examples.length).toBeGreaterThan(0));

  it('carries the open guest tab, and omits it for the first guest', () => {
    const ws = workspaceFromExample(pubSub);
    const first = encodeShare(ws, withPubSub, 0);
    expect(first).toBe(encodeShare(ws, withPubSub));
    expect(decodeShareLink(first, withPubSub).activeGuest).toBe(0);
    const second = encodeShare(ws, withPubSub, 1);
    expect(second).not.toBe(first);
    expect(decodeShareLink(second, withPubSub)).toEqual({ workspace: ws, activeGuest: 1 });
    // A stale index (the tab was closed, or there is one guest) is dropped rather than shared.
    expect(encodeShare(ws, withPubSub, 2)).toBe(first);
    expect(encodeShare(ws, withPubSub, -1)).toBe(first);
  });

  it.each(examples.map((e) => [e.id, e] as const))('round-trips example %s unedited', (_id, example) => {
    const ws = workspaceFromExample(example);
    const hash = encodeShare(ws);
    expect(hash.startsWith('#w2.')).toBe(true);
    // An unedited example costs no more than its id: the base64 of `{"e":"<id>"}` plus a
    // few bytes of compression framing and the 7-character check (short ids stay under 47).
    expect(payloadLength(hash)).toBeLessThanOrEqual(Math.ceil((JSON.stringify({ e: example.id }).length * 4) / 3) + 8 + CHECK_LENGTH);
    if (example.id.length <= 12) expect(payloadLength(hash)).toBeLessThan(40 + CHECK_LENGTH);
    expect(decodeShare(hash)).toEqual(ws);
  });

  it.each(examples.map((e) => [e.id, e] as const))('keeps a one-character edit of %s small', (_id, example) => {
    const ws = workspaceFromExample(example);
    const mid = Math.floor(ws.guests[0].source.length / 2);
    ws.guests[0].source = ws.guests[0].source.slice(0, mid) + 'X' + ws.guests[0].source.slice(mid);
    const hash = encodeShare(ws);
    expect(payloadLength(hash)).toBeLessThan(200);
    expect(decodeShare(hash)).toEqual(ws);
  });

  it('shares bucket lists: inherited, edited, cleared, and in full entries', () => {
    const ws = workspaceFromExample(pubSub);
    expect(ws.guests[0].buckets).toEqual(['inventory']);
    expect(roundTrip(ws, withPubSub)).toEqual(ws);
    ws.guests[0].buckets = ['inventory', 'orders'];
    expect(roundTrip(ws, withPubSub).guests[0].buckets).toEqual(['inventory', 'orders']);
    delete ws.guests[0].buckets;
    expect(roundTrip(ws, withPubSub).guests[0].buckets).toBeUndefined();
    const scratch: Workspace = { guests: [{ name: 'g', lang: 'wat', wit: 'w', source: 's', subscriptions: [], buckets: ['b1'] }], hosts: { customHosts: {} }, settings: { timeLimitMs: 5000 } };
    expect(roundTrip(scratch).guests[0].buckets).toEqual(['b1']);
  });

  it('round-trips every kind of change against an example', () => {
    const ws = workspaceFromExample(pubSub);
    ws.guests[0] = { ...ws.guests[0], name: 'orders', lang: 'ts', subscriptions: [], call: 'run', wit: 'package local:x;\nworld x {}\n' };
    delete ws.guests[1].call;
    ws.guests[1].source = 'completely different';
    ws.guests.push({ name: 'extra', lang: 'wat', wit: '', source: '(module)', subscriptions: ['>'] });
    ws.hosts = { customHosts: { 'wasi:keyvalue': 'export default {}' }, faults: { drop: [0.1, null, true], nested: { a: 'b' } } };
    ws.settings.timeLimitMs = 250;
    expect(roundTrip(ws, withPubSub)).toEqual(ws);
  });

  it('round-trips removing guests down to none', () => {
    const one = workspaceFromExample(pubSub);
    one.guests.pop();
    expect(roundTrip(one, withPubSub)).toEqual(one);
    const none = { ...one, guests: [] };
    expect(roundTrip(none, withPubSub)).toEqual(none);
  });

  it('round-trips workspaces without an example, and with one the encoder does not know', () => {
    const scratch: Workspace = { guests: [{ name: 'g', lang: 'js', wit: 'w', source: 's', subscriptions: [] }], hosts: { customHosts: {} }, settings: { timeLimitMs: 5000 } };
    expect(roundTrip(scratch)).toEqual(scratch);
    const empty: Workspace = { guests: [], hosts: { customHosts: {} }, settings: { timeLimitMs: 5000 } };
    expect(payloadLength(encodeShare(empty))).toBeLessThan(10 + CHECK_LENGTH);
    expect(roundTrip(empty)).toEqual(empty);
    const labelled = { ...scratch, exampleId: 'scratch' };
    expect(roundTrip(labelled)).toEqual(labelled);
  });

  it('round-trips non-ASCII text and edits next to surrogate pairs', () => {
    const ws = workspaceFromExample(pubSub);
    ws.guests[0].source = ws.guests[0].source + '// héllo 😀 wörld\n';
    const base = ws.guests[0].source;
    expect(roundTrip(ws, withPubSub)).toEqual(ws);
    ws.guests[0].source = base.replace('😀', '😁');
    expect(roundTrip(ws, withPubSub)).toEqual(ws);
  });
});

describe('encodeShare: invalid workspaces', () => {
  it('throws a ShareError instead of writing a link that would not decode', () => {
    const ws = workspaceFromExample(examples[0]);
    ws.guests.push({ ...ws.guests[0] });
    expect(() => encodeShare(ws)).toThrow(/can't be shared: workspace.guests has two guests named/);
  });
});

describe('encodeShare: size limit', () => {
  it('refuses workspaces that decodeShare would refuse, pointing to file export', () => {
    const ws: Workspace = { guests: [{ name: 'big', lang: 'js', wit: '', source: 'x'.repeat(2 * 1024 * 1024 + 1), subscriptions: [] }], hosts: { customHosts: {} }, settings: { timeLimitMs: 5000 } };
    expect(() => encodeShare(ws)).toThrow(/too large for a link \(over 2 MB\); export it as a file/);
  });
});

describe('encodeShare: command inputs and config values', () => {
  it('carries arguments, environment, stdin and config values, omitting them when unset', () => {
    const ws = workspaceFromExample(pubSub);
    ws.guests[1] = { ...ws.guests[1]!, args: ['producer', '--count', '3 apples'], env: ['LANG=C', 'A=b=c'], stdin: 'line one\nline two\n', config: ['greeting=hello'] };
    expect(roundTrip(ws, withPubSub)).toEqual(ws);
    const plain = workspaceFromExample(pubSub);
    expect(encodeShare(plain, withPubSub)).toBe(encodeShare(structuredClone(plain), withPubSub));
    expect(roundTrip(plain, withPubSub).guests[1]).not.toHaveProperty('args');
  });

  it('clears an example guest’s inputs with an empty list or text', () => {
    const withInputs: Example = { ...pubSub, id: 'test-inputs', guests: [pubSub.guests[0]!, { ...pubSub.guests[1]!, args: ['p', 'x'], stdin: 'in', config: ['k=v'] }] };
    const list = [...examples, withInputs];
    const ws = workspaceFromExample(withInputs);
    expect(roundTrip(ws, list)).toEqual(ws);
    const { args: _a, stdin: _s, config: _c, ...cleared } = ws.guests[1]!;
    ws.guests[1] = cleared;
    expect(roundTrip(ws, list).guests[1]).toEqual(cleared);
  });
});
