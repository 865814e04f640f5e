import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWit } from './analyzeWit';
import { locateSyncCallOfAsync } from './locateSyncCallOfAsync';

const read = (path: string) => readFileSync(new URL(`../examples/${path}`, import.meta.url), 'utf8');
const worldOf = (wit: string) => {
  const analysis = analyzeWit(wit);
  if (!analysis.ok) throw new Error('world does not analyse');
  return analysis.world.source;
};

describe('locateSyncCallOfAsync', () => {
  const p3World = worldOf(read('p3/counterP3.wit'));

  it('marks the import of an async func by its plain name, with the name that works', () => {
    // The 0.2 counter's module pointed at the 0.3 interfaces: `open` called synchronously.
    const wat = read('keyvalue/counter.wat').replaceAll('wasi:keyvalue/store@0.2.0-draft2', 'proposal:keyvalue-p3/store@0.1.0').replaceAll('wasi:keyvalue/atomics@0.2.0-draft2', 'proposal:keyvalue-p3/atomics@0.1.0');
    const d = locateSyncCallOfAsync(wat, p3World);
    const line = wat.split('\n').findIndex((l) => l.includes('"proposal:keyvalue-p3/store@0.1.0" "open"')) + 1;
    expect(d).toMatchObject({ file: 'guest', line });
    expect(d!.message).toContain('import it as "[async-lower]open"');
  });

  it('lets the async ABI, the built-ins and a 0.2 world through', () => {
    expect(locateSyncCallOfAsync(read('p3/counterP3.wat'), p3World)).toBeUndefined();
    expect(locateSyncCallOfAsync(read('p3/blobCopyP3.wat'), worldOf(read('p3/blobCopyP3.wit')))).toBeUndefined();
    expect(locateSyncCallOfAsync(read('keyvalue/counter.wat'), worldOf(read('keyvalue/counter.wit')))).toBeUndefined();
  });
});
