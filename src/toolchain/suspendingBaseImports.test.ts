import { describe, expect, it } from 'vitest';
import { analyzeComponentWorld } from './analyzeComponentWorld';
import { suspendingBaseImports } from './suspendingBaseImports';

describe('suspendingBaseImports', () => {
  it('names the base functions that may answer with a Promise, at the imported version', () => {
    const names = suspendingBaseImports(['wasi:io/poll@0.2.0', 'wasi:clocks/monotonic-clock@0.2.0', 'wasi:cli/stdout@0.2.0']);
    expect(names).toEqual(['wasi:io/poll@0.2.0#[method]pollable.block', 'wasi:io/poll@0.2.0#poll']);
    expect(suspendingBaseImports(['wasi:io/streams@0.2.6'])).toContain('wasi:io/streams@0.2.6#[method]input-stream.blocking-read');
  });

  it('makes an opened component that sleeps on a pollable suspend there', () => {
    const printed = `package root:component;

world root {
  import wasi:io/poll@0.2.0;
  import wasi:clocks/monotonic-clock@0.2.0;
  import wasi:keyvalue/store@0.2.0-draft2;

  export wasi:cli/run@0.2.0;
}
`;
    const { outcome, baseImports } = analyzeComponentWorld(printed);
    expect(baseImports).toEqual(['wasi:io/poll@0.2.0', 'wasi:clocks/monotonic-clock@0.2.0']);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
    expect(outcome.world.asyncImports).toContain('wasi:io/poll@0.2.0#[method]pollable.block');
    expect(outcome.world.asyncImports).toContain('wasi:keyvalue/store@0.2.0-draft2#open');
    // The analysis of the same world is cached: the copy must not grow it run by run.
    const again = analyzeComponentWorld(printed).outcome;
    expect(again.ok && again.world.asyncImports.length).toBe(outcome.world.asyncImports.length);
  });
});
