import { describe, expect, it } from 'vitest';
import type { BuildArtifact } from '../../protocol/buildProtocol';
import { packJsBuild, unpackJsBuild } from './packJsBuild';
import { expectedModuleLength, stateFreeSections, withoutStateData } from './patchCoreModule';
import { SectionId, readSections, writeModule } from './wasmBinary';

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

  it('writes a file given as sections straight into the body: the same bytes as writing the module first', () => {
    // A core module with memory, data count and data sections (one 4-byte active segment).
    const core = writeModule([
      { id: SectionId.memory, body: new Uint8Array([1, 0, 1]) },
      { id: SectionId.dataCount, body: new Uint8Array([1]) },
      { id: SectionId.data, body: new Uint8Array([1, 0, 0x41, 8, 0x0b, 4, 1, 2, 3, 4]) },
    ]);
    const build = { ...artifact, files: artifact.files.map(([n, d]): [string, Uint8Array] => [n, n === 'guest.core.wasm' ? core : d]) };
    const back = unpackJsBuild(packJsBuild(build, new Map([['guest.core.wasm', stateFreeSections(core)]])));
    const kept = back.files.find(([n]) => n === 'guest.core.wasm')![1];
    expect([...kept]).toEqual([...withoutStateData(core)]);
    expect(readSections(kept).map((s) => s.id)).toEqual([SectionId.memory, SectionId.dataCount, SectionId.data, SectionId.custom]);
    expect(readSections(kept).slice(0, 3).map((s) => [...s.body])).toEqual([[1, 0, 1], [0], [0]]);
    // The kept module remembers the built one's length (the next fast path's spare is sized by it).
    expect(expectedModuleLength(kept)).toBe(core.length);
    expect(expectedModuleLength(core)).toBe(core.length);
    expect(back.files.filter(([n]) => n !== 'guest.core.wasm')).toEqual(artifact.files.filter(([n]) => n !== 'guest.core.wasm'));
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
