import { describe, expect, it } from 'vitest';
import type { BuildArtifact } from '../../protocol/buildProtocol';
import { packJsBuild, unpackJsBuild } from './packJsBuild';

const artifact: BuildArtifact = {
  component: new Uint8Array([0, 97, 115, 109]),
  files: [
    ['guest.core.wasm', new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 9])],
    ['guest.js', new TextEncoder().encode('export const x = "é";')],
    ['empty.wasm', new Uint8Array(0)],
  ],
  importedInterfaces: ['wasi:keyvalue/store@0.2.0-draft2'],
  exportedInterfaces: [],
  exports: [{ iface: '', name: 'run', params: [], result: 'string' }],
  asyncImports: ['wasi:keyvalue/store@0.2.0-draft2#get'],
  asyncExports: [],
  componentWit: 'package root:component;',
  timings: {},
  componentStale: true,
};

describe('packJsBuild', () => {
  it('round-trips a build without its component, each file in its own buffer', () => {
    const back = unpackJsBuild(packJsBuild(artifact));
    const { component: _c, ...rest } = artifact;
    expect({ ...back, component: undefined }).toEqual({ ...rest, component: undefined });
    expect(back.component.byteLength).toBe(0);
    for (const [, d] of back.files) expect(d.buffer.byteLength).toBe(d.byteLength);
  });

  it('rejects truncated or damaged bodies', () => {
    const packed = packJsBuild(artifact);
    expect(() => unpackJsBuild(packed.subarray(0, packed.length - 1))).toThrow(/stored build/);
    expect(() => unpackJsBuild(packed.subarray(0, 3))).toThrow(/truncated/);
    const bad = packed.slice();
    bad[5] = 0x7b; // '{' inside the JSON header
    expect(() => unpackJsBuild(bad)).toThrow();
  });
});
