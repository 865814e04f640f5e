import { describe, expect, it } from 'vitest';
import { splitProblem } from './splitProblem';

describe('splitProblem', () => {
  it('leaves a one-line problem whole', () => {
    expect(splitProblem('key `visits` holds 1, expected 3')).toEqual({ head: 'key `visits` holds 1, expected 3', excerpt: undefined });
  });

  it('keeps a build error excerpt on its own lines, caret under the column', () => {
    const p = "`visits` does not build: line 12: JavaScript guest failed to initialise (exited with code 1):\nException while evaluating top-level script\nsource.js:12:16 SyntaxError: expected expression, got ';':\n  let broken = ;\n..............^";
    const { head, excerpt } = splitProblem(p);
    expect(head).toBe('`visits` does not build: line 12: JavaScript guest failed to initialise (exited with code 1):');
    const lines = excerpt!.split('\n');
    expect(lines.at(-2)).toBe('  let broken = ;');
    expect(lines.at(-1)).toBe('..............^');
  });

  it('drops trailing blank lines', () => {
    expect(splitProblem('trapped\n\n')).toEqual({ head: 'trapped', excerpt: undefined });
  });
});
