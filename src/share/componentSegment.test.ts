import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { toBase64url } from './base64url';
import { encodeComponentSegment, MAX_LINKED_COMPONENT_BYTES, splitComponentSegment } from './componentSegment';
import { encodeShare } from './encodeShare';
import { decodeShare, decodeShareLink } from './decodeShare';
import { silentlyChanged } from './linkDamage.testing';
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
    expect(encodeComponentSegment({ fileName: 'ok.wasm', bytes: wasm(MAX_LINKED_COMPONENT_BYTES), settings: {} })).toMatch(/^~c2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  });

  it('opens a segment made before the check (`~c1.`), and refuses damaged ones with a message', () => {
    const seg = (text: string, bytes: Uint8Array) => {
      const h = new TextEncoder().encode(text);
      const d = new Uint8Array(h.length + 1 + bytes.length);
      d.set(h);
      d.set(bytes, h.length + 1);
      return `#w1.x~c1.${toBase64url(deflateSync(d))}`;
    };
    expect(splitComponentSegment(seg('{"n":"old.wasm"}', wasm(40)))).toEqual({ workspaceHash: '#w1.x', component: { fileName: 'old.wasm', bytes: wasm(40), settings: {} } });
    expect(() => splitComponentSegment('#w1.x~c1.%%')).toThrow(/not valid base64url/);
    expect(() => splitComponentSegment(seg('{"n":"a.wasm"}', new Uint8Array([1, 2, 3, 4])))).toThrow('not WebAssembly');
    expect(() => splitComponentSegment(seg('{}', wasm(16)))).toThrow('no file name');
    expect(() => splitComponentSegment(seg('{"n":"a.wasm","s":{"args":[1]}}', wasm(16)))).toThrow('"args" is not a list of text');
  });

  it('is refused, or opens identically, after any one character of the segment is replaced', () => {
    const ws = encodeShare(workspaceFromExample(examples[0]!));
    const hash = ws + encodeComponentSegment({ fileName: 'a.wasm', bytes: wasm(48), settings: { args: ['a'] } })!;
    const open = (text: string) => {
      const { workspaceHash, component } = splitComponentSegment(text);
      return { link: decodeShareLink(workspaceHash), component };
    };
    expect(silentlyChanged(hash, open, ws.length).slice(0, 3)).toEqual([]);
    expect(() => open(`${hash.slice(0, -6)}AAAAAA`)).toThrow(/damaged: its data does not match its check/);
    expect(() => open(hash.replace('~c2.', '~c7.'))).toThrow(/format version 7/);
  }, 30_000);
});
