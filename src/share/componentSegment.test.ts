import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { toBase64url } from './base64url';
import { COMPONENT_SEGMENT, encodeComponentSegment, MAX_LINKED_COMPONENT_BYTES, splitComponentSegment } from './componentSegment';
import { encodeShare } from './encodeShare';
import { decodeShare } from './decodeShare';
import { workspaceFromExample } from '../workspace/workspaceTypes';
import { examples } from '../examples/index';

const wasm = (n: number) => {
  const b = new Uint8Array(n);
  b.set([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]);
  for (let i = 8; i < n; i++) b[i] = (i * 31) & 0xff;
  return b;
};

describe('opened component in a share link', () => {
  it('round-trips the bytes and the Hosts-tab settings after the workspace, which still decodes', () => {
    const ws = workspaceFromExample(examples[0]!);
    const segment = encodeComponentSegment({ fileName: 'greet.wasm', bytes: wasm(3000), settings: { args: ['greet', '--name', 'Ada'], stdin: 'piped', subscriptions: [], config: ['k=v'] } })!;
    const hash = encodeShare(ws) + segment;
    const { workspaceHash, component } = splitComponentSegment(hash);
    expect(decodeShare(workspaceHash)).toEqual(decodeShare(encodeShare(ws)));
    expect(component!.fileName).toBe('greet.wasm');
    expect(component!.bytes).toEqual(wasm(3000));
    // Empty lists are defaults and are left out.
    expect(component!.settings).toEqual({ args: ['greet', '--name', 'Ada'], stdin: 'piped', config: ['k=v'] });
  });

  it('leaves links without a component untouched', () => {
    const hash = encodeShare(workspaceFromExample(examples[0]!));
    expect(splitComponentSegment(hash)).toEqual({ workspaceHash: hash });
  });

  it('keeps components over the limit out of the link', () => {
    expect(encodeComponentSegment({ fileName: 'big.wasm', bytes: wasm(MAX_LINKED_COMPONENT_BYTES + 1), settings: {} })).toBeUndefined();
    expect(encodeComponentSegment({ fileName: 'ok.wasm', bytes: wasm(MAX_LINKED_COMPONENT_BYTES), settings: {} })).toMatch(/^~c1\./);
  });

  it('refuses damaged segments with a message', () => {
    const seg = (text: string, bytes: Uint8Array) => {
      const h = new TextEncoder().encode(text);
      const d = new Uint8Array(h.length + 1 + bytes.length);
      d.set(h);
      d.set(bytes, h.length + 1);
      return `#w1.x${COMPONENT_SEGMENT}${toBase64url(deflateSync(d))}`;
    };
    expect(() => splitComponentSegment('#w1.x~c1.%%')).toThrow(/not valid base64url/);
    expect(() => splitComponentSegment(seg('{"n":"a.wasm"}', new Uint8Array([1, 2, 3, 4])))).toThrow('not WebAssembly');
    expect(() => splitComponentSegment(seg('{}', wasm(16)))).toThrow('no file name');
    expect(() => splitComponentSegment(seg('{"n":"a.wasm","s":{"args":[1]}}', wasm(16)))).toThrow('"args" is not a list of text');
  });
});
