import { describe, expect, it } from 'vitest';
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
});
