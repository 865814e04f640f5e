import { describe, expect, it } from 'vitest';
import { explainGuestTrap, explainJsTrap, TS_CHECK_TIP } from './explainJsTrap';

// Verbatim stderr of a JS guest whose helper throws (componentize-js 0.23, StarlingMonkey).
const THROWN = ['count too high: 5', 'Stack:', '  helper@source.js:5:11', '  run@source.js:10:17', '  export_run@/initializer.js:58:15', '', 'Redirecting call to abort() to mozalloc_abort', ''];

describe('explainJsTrap', () => {
  it('shows the exception and the innermost guest frame instead of the abort', () => {
    const e = explainJsTrap(THROWN, 'guest trapped: unreachable', '')!;
    expect(e).toMatchObject({ line: 5, column: 11 });
    expect(e.message).toMatch(/^uncaught exception: count too high: 5 \(at line 5:11\)$/);
  });
  it("maps a TypeScript guest's frame from the stripped JS back to its .ts line", () => {
    const toSource = (line: number, column: number) => ({ line: line + 6, column: column - 2 });
    const e = explainJsTrap(THROWN, 'guest trapped: unreachable', '', toSource)!;
    expect(e).toMatchObject({ line: 11, column: 9 });
    expect(e.message).toMatch(/\(at line 11:9\)$/);
  });
  it('keeps an error name when the engine prints one', () => {
    expect(explainJsTrap(['TypeError: x is undefined', 'Stack:', '  run@source.js:3:1'], '', '')!.message).toMatch(/^uncaught TypeError: x is undefined/);
  });
  it('calls an abort without an exception what it is: out of memory', () => {
    expect(explainJsTrap(['Redirecting call to abort() to mozalloc_abort'], 'guest trapped: unreachable', '')!.message).toMatch(/^out of memory/);
  });
  it('explains an out-of-memory exception as running out of memory, at its line', () => {
    const e = explainJsTrap(['out of memory', 'Stack:', '  run@source.js:3:42'], 'guest trapped: unreachable', '')!;
    expect(e.message).toMatch(/^out of memory: the JavaScript guest asked the engine for more memory than it has .*\(at line 3:42\)$/);
    expect(e).toMatchObject({ line: 3, column: 42 });
  });
  it('explains a bare unreachable in a guest that calls fetch', () => {
    const e = explainJsTrap([], 'guest trapped: unreachable', 'export function run() {\n  return fetch("http://x/");\n}')!;
    expect(e.message).toMatch(/^fetch is not available to guests/);
    expect(e).toMatchObject({ line: 2, column: 10 });
  });
  // A guest piling up strings: the engine prints its out-of-memory exception (a plain string) and aborts.
  const HEAP_FULL = ['"out of memory"', '', 'Redirecting call to abort() to mozalloc_abort'];
  const MB = 2 ** 20;
  it("says the engine's heap limit was met when the guest's memory was still far below its maximum", () => {
    const e = explainJsTrap(HEAP_FULL, 'guest trapped: wasm `unreachable` instruction executed', '', undefined, { bytes: 79 * MB, maxBytes: 4096 * MB })!;
    expect(e.message).toBe("out of memory: the JavaScript engine's heap reached its limit (the engine's own, far below the 4096 MB a guest's memory can have: this one's was at 79 MB). Look for data that keeps growing, e.g. in a loop");
    expect(e.outOfMemory).toBe(true);
  });
  it("says the guest's memory reached its maximum when it had (a failed allocation can leave some unused)", () => {
    const e = explainJsTrap(HEAP_FULL, 'guest trapped: unreachable', '', undefined, { bytes: 4093 * MB, maxBytes: 4096 * MB })!;
    expect(e.message).toMatch(/^out of memory: the JavaScript guest's memory reached 4093 MB of 4096 MB, the most a guest's memory can have\. Look for/);
  });
  it('keeps the plain words for one allocation too big, whatever the memory', () => {
    const e = explainJsTrap(['allocation size overflow', 'Stack:', '  run@source.js:3:17'], 'guest trapped: unreachable', '', undefined, { bytes: 12 * MB, maxBytes: 4096 * MB })!;
    expect(e.message).toMatch(/^out of memory: the JavaScript guest asked the engine for more memory than it has .*\(at line 3:17\)$/);
    expect(e.outOfMemory).toBe(true);
  });
  // Verbatim stderr of uncaught non-Errors in Chromium (Run's console keeps the empty line; Check's record drops it).
  const abort = 'Redirecting call to abort() to mozalloc_abort';
  it('tells a thrown non-Error as the exception it is, not as running out of memory (QA #1)', () => {
    const memory = { bytes: 9.1 * MB, maxBytes: 4096 * MB };
    const said = (printed: string) => explainJsTrap([printed, '', abort], 'guest trapped: wasm trap: wasm `unreachable` instruction executed', '', undefined, memory)!;
    expect(said('"boom"')).toEqual({ message: 'uncaught exception: "boom" (a string, not an Error, so no line is known: throw new Error(…) to get one)' });
    expect(said('42').message).toBe('uncaught exception: 42 (a number, not an Error, so no line is known: throw new Error(…) to get one)');
    expect(said('({code:42})').message).toBe('uncaught exception: {code:42} (an object, not an Error, so no line is known: throw new Error(…) to get one)');
    expect(said('null').message).toBe('uncaught exception: null (not an Error, so no line is known: throw new Error(…) to get one)');
    expect(said('(void 0)').message).toMatch(/^uncaught exception: undefined \(not an Error/);
    expect(said('[1, "two"]').message).toMatch(/^uncaught exception: \[1, "two"\] \(an array, not an Error/);
    expect(said('"line one\\nline two"').message).toMatch(/^uncaught exception: "line one\\nline two" \(a string/);
    expect(said('"boom"').outOfMemory).toBeUndefined();
  });
  it("finds the thrown value in Check's record too, where empty lines are dropped, after the guest's own stderr", () => {
    expect(explainJsTrap(['working on it', '"boom"', abort], 'guest trapped: unreachable', '')!.message).toMatch(/^uncaught exception: "boom" \(a string/);
  });
  it("still calls the engine's own out-of-memory value out of memory", () => {
    expect(explainJsTrap(HEAP_FULL, 'guest trapped: unreachable', '', undefined, { bytes: 79 * MB, maxBytes: 4096 * MB })!.outOfMemory).toBe(true);
  });
  // Verbatim: a JavaScript `run` whose WIT result is s64, returning 'seven', nothing and 1.5 (QA #4b).
  const converting = (error: string) => [error, 'Stack:', '  toInt64@/initializer.js:21:27', '  export_run@/initializer.js:1018:10', '', abort];
  const exports = [{ iface: '', name: 'run', params: [], result: 's64' }];
  it("says which WIT result type an export's returned value did not fit, and what it returned", () => {
    const e = explainJsTrap(converting('invalid BigInt syntax'), 'guest trapped: unreachable', '', undefined, undefined, exports)!;
    expect(e).toEqual({ message: '`run` returned a value its WIT result type `s64` cannot take: it returned a string (or object) that does not spell a whole number (the engine: invalid BigInt syntax). `s64` is a BigInt in JavaScript (e.g. `return 7n`)' });
    expect(explainJsTrap(converting("can't convert undefined to BigInt"), '', '', undefined, undefined, exports)!.message).toContain('it returned nothing (undefined: is a `return` missing?)');
    expect(explainJsTrap(converting("1.5 can't be converted to BigInt because it isn't an integer"), '', '', undefined, undefined, exports)!.message).toContain('it returned 1.5, not a whole number');
  });
  it('names the export from its frame even without the WIT', () => {
    expect(explainJsTrap(converting('invalid BigInt syntax'), '', '')!.message).toMatch(/^`run` returned a value its WIT result type cannot take: it returned a string/);
  });
  it('says nothing it does not know', () => {
    expect(explainJsTrap([], 'guest trapped: integer divide by zero', 'export function run() {}')).toBeUndefined();
  });
});

// What Run and Check both show: one function, so Check cannot fall back to the wasm trap again.
describe('explainGuestTrap', () => {
  const TYPO = ['TypeError: console.lg is not a function', 'Stack:', '  run@source.js:6:11', '', 'Redirecting call to abort() to mozalloc_abort'];
  const trap = 'guest trapped: wasm trap: wasm unreachable instruction executed';
  it("explains a JavaScript guest's exception and marks its line in the guest editor", () => {
    const e = explainGuestTrap({ lang: 'js', source: '' }, {}, TYPO, trap)!;
    expect(e.message).toBe('uncaught TypeError: console.lg is not a function (at line 6:11)');
    expect(e.marker).toEqual({ file: 'guest', line: 6, column: 11, message: e.message });
  });
  it('adds where a wrongly called WIT name lives, from what the world offers', () => {
    const stderr = ['bucket.increment is not a function', 'Stack:', '  run@source.js:10:25', '', 'Redirecting call to abort() to mozalloc_abort'];
    const e = explainGuestTrap({ lang: 'js', source: '' }, { jsImports: [{ name: 'increment', from: 'wasi:keyvalue/atomics@0.2.0-draft2' }] }, stderr, trap)!;
    expect(e.message).toBe(`uncaught exception: bucket.increment is not a function (at line 10:25). \`increment\` is a function of \`wasi:keyvalue/atomics@0.2.0-draft2\`, not a method: import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2' and call increment(bucket, …). ${TS_CHECK_TIP}`);
    expect(e.marker?.line).toBe(10);
    // Not where the editor checks already: a guest that asked for it, or TypeScript.
    const checked = explainGuestTrap({ lang: 'js', source: '// @ts-check\nexport function run() {}' }, { jsImports: [{ name: 'increment', from: 'wasi:keyvalue/atomics@0.2.0-draft2' }] }, stderr, trap)!;
    expect(checked.message).toMatch(/call increment\(bucket, …\)\.$/);
    expect(explainGuestTrap({ lang: 'ts', source: '' }, { jsImports: [{ name: 'increment', from: 'wasi:keyvalue/atomics@0.2.0-draft2' }] }, stderr, trap)!.message).not.toContain('@ts-check');
    // Nor after an exception that is not about a WIT name.
    expect(explainGuestTrap({ lang: 'js', source: '' }, {}, TYPO, trap)!.message).not.toContain('@ts-check');
  });
  it('gives no marker for a TypeScript guest without its source map (the position counts in the stripped JS)', () => {
    const e = explainGuestTrap({ lang: 'ts', source: '' }, {}, TYPO, trap)!;
    expect(e.message).toMatch(/console\.lg is not a function/);
    expect(e.marker).toBeUndefined();
  });
  it('leaves WAT traps and time-limit stops as they are', () => {
    expect(explainGuestTrap({ lang: 'wat', source: '' }, {}, TYPO, trap)).toBeUndefined();
    expect(explainGuestTrap({ lang: 'js', source: '' }, {}, TYPO, 'Stopped: "run" ran longer than the 5000 ms time limit')).toBeUndefined();
  });
});
