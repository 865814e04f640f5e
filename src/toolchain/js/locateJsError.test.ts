import { describe, expect, it } from 'vitest';
import { analyzeWit } from '../analyzeWit';
import { locateJsError, WIT_BINDINGS_FAILED } from './locateJsError';

const WIT = 'package local:app;\nworld app {\n  export run: func() -> strng;\n}';

describe('locateJsError', () => {
  it('places an engine error at the source.js position it cites', () => {
    const d = locateJsError('JavaScript guest failed to initialise (exited with code 1):\nError: boom\n  at source.js:7:11\n  at initializer.js:3:1', WIT);
    expect(d).toMatchObject({ file: 'guest', line: 7, column: 11 });
    expect(d.message).toContain('Error: boom');
  });

  it('understands positions already mapped back to a TypeScript guest', () => {
    expect(locateJsError('SyntaxError: unexpected token at guest.ts:3:5', WIT)).toMatchObject({ line: 3, column: 5 });
  });

  it('falls back to the top of the guest when no position is given', () => {
    expect(locateJsError('Unable to extract expected exports list', WIT)).toMatchObject({ file: 'guest', line: 1, column: 1 });
  });

  it('keeps the position prefix of a syntax error on its first line only', () => {
    // Verbatim engine output for `return a +;` on line 3.
    const d = locateJsError("JavaScript guest failed to initialise (exited with code 1):\nException while evaluating top-level script\nsource.js:3:13 SyntaxError: expected expression, got ';':\nsource.js:3:13   return a +;\nsource.js:3:13 ............^", WIT);
    expect(d).toMatchObject({ line: 3, column: 13 });
    expect(d.message.match(/source\.js:3:13/g)).toHaveLength(1);
    expect(d.message).toContain("source.js:3:13 SyntaxError: expected expression, got ';':\n  return a +;\n............^");
  });

  it('places an error the splicer found in the WIT at its position there, not in the guest', () => {
    const d = locateJsError(`${WIT_BINDINGS_FAILED}name \`strng\` does not exist`, WIT);
    expect(d).toMatchObject({ file: 'wit', line: 3, column: 25, endColumn: 30 });
    expect(d.message).toContain('strng');
  });

  it("names the interface and the function of an import it lacks, not the engine's '<internal>' module", () => {
    const wit = 'package learn:visits;\n\nworld visits {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  export run: func() -> u32;\n}\n';
    const analysis = analyzeWit(wit);
    if (!analysis.ok) throw new Error('bad test WIT');
    const source = "import { opn } from 'wasi:keyvalue/store@0.2.0-draft2';\n\nexport function run() { return 1; }\n";
    // Verbatim engine output (componentize-js 0.23, StarlingMonkey) for that import.
    const engine = "JavaScript guest failed to initialise (exited with code 1):\nException while evaluating top-level script\nsource.js:1:10 SyntaxError: The requested module '<internal>' doesn't provide an export named: 'opn'";
    const d = locateJsError(engine, wit, source, analysis.world.source);
    expect(d).toMatchObject({ file: 'guest', line: 1, column: 10, endColumn: 13 });
    expect(d.message).toBe('`wasi:keyvalue/store@0.2.0-draft2` has no function `opn`: did you mean `open`? It offers `open`, `Bucket`.');
    expect(d.message).not.toContain('<internal>');
  });

  it('finds the import on a later line of a multi-line import list', () => {
    const wit = 'package learn:visits;\nworld visits {\n  import wasi:keyvalue/atomics@0.2.0-draft2;\n  export run: func() -> u32;\n}\n';
    const analysis = analyzeWit(wit);
    if (!analysis.ok) throw new Error('bad test WIT');
    const source = "import {\n  swap,\n  incremnt as add,\n} from 'wasi:keyvalue/atomics@0.2.0-draft2';\n";
    const d = locateJsError("source.js:3:3 SyntaxError: The requested module '<internal>' doesn't provide an export named: 'incremnt'", wit, source, analysis.world.source);
    expect(d).toMatchObject({ line: 3, column: 3 });
    expect(d.message).toBe('`wasi:keyvalue/atomics@0.2.0-draft2` has no function `incremnt`: did you mean `increment`? It offers `increment`, `swap`, `Cas`.');
  });

  it('marks a misspelt interface in an import on its module name, with the interface meant', () => {
    const wit = 'package learn:visits;\n\nworld visits {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  export run: func() -> u32;\n}\n';
    const analysis = analyzeWit(wit);
    if (!analysis.ok) throw new Error('bad test WIT');
    const source = "// visits\nimport { open } from 'wasi:keyvalue/stor@0.2.0-draft2';\n\nexport function run() { return 1; }\n";
    // Verbatim engine output (componentize-js 0.23, StarlingMonkey, in the browser) for that import.
    const engine =
      'JavaScript guest failed to initialise (exited with code 1):\nException while evaluating top-level script\nReferenceError: Error loading module "wasi:keyvalue/stor@0.2.0-draft2" (resolved path "wasi:keyvalue/stor@0.2.0-draft2"): No such file or directory';
    const d = locateJsError(engine, wit, source, analysis.world.source);
    expect(d).toMatchObject({ file: 'guest', line: 2, column: 23, endColumn: 23 + 'wasi:keyvalue/stor@0.2.0-draft2'.length });
    expect(d.message).toBe("`wasi:keyvalue/stor@0.2.0-draft2` is no interface of the world's WIT, so the engine could not load it: did you mean `wasi:keyvalue/store@0.2.0-draft2`? A guest imports what its world imports, spelt exactly (`ns:package/interface@version`).");
    const file = locateJsError(engine.replace(/wasi:keyvalue\/stor@0\.2\.0-draft2/g, './util.js'), wit, "import { helper } from './util.js';\n", analysis.world.source);
    expect(file).toMatchObject({ line: 1, column: 25 });
    expect(file.message).toContain('`./util.js` is another file: a JavaScript guest is one file');
  });
});
