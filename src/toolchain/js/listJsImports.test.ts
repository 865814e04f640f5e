import { describe, expect, it } from 'vitest';
import { analyzeWit } from '../analyzeWit';
import { listJsImports } from './listJsImports';

const COUNTER = `package local:js-counter;
world counter {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  export run: func() -> s64;
}`;

describe('listJsImports', () => {
  it('lists the functions and resource classes a JS guest of the world can import, as the bindings spell them', () => {
    const a = analyzeWit(COUNTER);
    if (!a.ok) throw new Error(JSON.stringify(a.diagnostics));
    const names = listJsImports(a.world.source, a.world.importedInterfaces);
    expect(names).toContainEqual({ name: 'increment', from: 'wasi:keyvalue/atomics@0.2.0-draft2', params: 'bucket: borrow<bucket>, key: string, delta: s64' });
    expect(names).toContainEqual({ name: 'open', from: 'wasi:keyvalue/store@0.2.0-draft2', params: 'identifier: string' });
    const bucket = names.find((n) => n.name === 'Bucket')!;
    expect(bucket.from).toBe('wasi:keyvalue/store@0.2.0-draft2');
    expect(bucket.methods!.map((m) => m.name)).toEqual(expect.arrayContaining(['get', 'set', 'delete', 'exists', 'listKeys']));
    expect(bucket.methods).toContainEqual({ name: 'set', params: 'key: string, value: list<u8>' });
    // Only what the world imports: batch is in the package, not in this world.
    expect(names.some((n) => n.from.includes('/batch'))).toBe(false);
  });

  it('skips package entries and interfaces the WIT does not have', () => {
    expect(listJsImports(COUNTER, ['wasi:keyvalue@0.2.0-draft2', 'wasi:nothing/here@1.0.0'])).toEqual([]);
  });
});
