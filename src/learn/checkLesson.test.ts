import { describe, expect, it } from 'vitest';
import { locateExportMismatch } from '../toolchain/locateExportMismatch';
import { buildFailedVerdict } from './checkLesson';

// componentNew's words (verbatim, see locateExportMismatch.test.ts) for lesson 2 with (export "Run").
const MISSING_RUN = 'failed to encode a component from module\n$failed to decode world from module\n\nCaused by:\n    0: module was not valid\n    1: failed to find export of function `run`';
const WIT = 'package learn:abi;\n\nworld abi {\n  export run: func() -> string;\n}\n';
const WAT = '(module\n  (memory (export "memory") 1)\n  (func (export "Run") (result i32)\n    (i32.const 0)))\n';

describe('buildFailedVerdict', () => {
  it('says a mistake marked in both editors once (QA #7: two near-identical bullets for export "Run")', () => {
    const diagnostics = locateExportMismatch(MISSING_RUN, WAT, WIT)!;
    expect(diagnostics.map((d) => d.file)).toEqual(['guest', 'wit']);
    expect(buildFailedVerdict('abi', diagnostics)).toEqual({
      pass: false,
      problems: ['`abi` does not build: line 3: found (export "Run"): did you mean "run"? The world exports run, but the module has no (export "run") (export names must match exactly, letter case too).'],
      passed: [],
    });
  });
  it('keeps separate errors apart, and a lone WIT error', () => {
    const wit = { file: 'wit' as const, line: 7, column: 25, message: 'name `strin` does not exist' };
    expect(buildFailedVerdict('hello', [wit]).problems).toEqual(['`hello` does not build: WIT line 7: name `strin` does not exist']);
    expect(buildFailedVerdict('hello', [wit, { ...wit, line: 8 }]).problems).toHaveLength(2);
  });
});
