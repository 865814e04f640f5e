import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWit } from './analyzeWit';
import { locateImportMismatch } from './locateImportMismatch';

const read = (p: string) => readFileSync(new URL(`../examples/${p}`, import.meta.url), 'utf8');
// Verbatim from componentNew for the counter with "increment" misspelt.
const MESSAGE =
  'failed to decode world from module: module was not valid: failed to resolve import `wasi:keyvalue/atomics@0.2.0-draft2::incrementz`: import interface `wasi:keyvalue/atomics@0.2.0-draft2` is missing function `incrementz` that is required by the module';

describe('locateImportMismatch', () => {
  const analysis = analyzeWit(read('keyvalue/counter.wit'));
  if (!analysis.ok) throw new Error('counter WIT must resolve');
  const wat = read('keyvalue/counter.wat').replace('"increment"', '"incrementz"');

  it('marks the import line and names what the world offers', () => {
    const d = locateImportMismatch(MESSAGE, wat, analysis.world.source)!;
    const lines = wat.split('\n');
    expect(lines[d.line - 1]).toContain('"incrementz"');
    expect(lines[d.line - 1]!.slice(d.column - 1)).toMatch(/^"incrementz"/);
    expect(d.message).toMatch(/did you mean "increment"\?/);
    expect(d.message).toMatch(/expects one of: .*increment/);
  });

  it('leaves other errors alone', () => {
    expect(locateImportMismatch('type mismatch for function `run`', wat, analysis.world.source)).toBeUndefined();
  });
});
