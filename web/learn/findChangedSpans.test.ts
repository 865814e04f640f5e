import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/index';
import { findChangedSpans } from './findChangedSpans';

const marked = (mine: string, solution: string) =>
  findChangedSpans(diffLines(mine, solution).lines)
    .filter((l) => l.kind !== 'same')
    .map((l) => `${l.kind === 'added' ? '+' : '-'} ${l.changed ? `${l.text.slice(0, l.changed.from)}[${l.text.slice(l.changed.from, l.changed.to)}]${l.text.slice(l.changed.to)}` : l.text}`);

describe('findChangedSpans: what differs inside a changed line', () => {
  it('marks the words that differ at the end of a long line, in both versions', () => {
    expect(marked("  bucket.set('last', new TextEncoder().encode('hello'));\n  return 'hi';", "  bucket.set('last', new TextEncoder().encode('hello class'));\n  return 'hello class';")).toEqual([
      "-   bucket.set('last', new TextEncoder().encode('hello[]'));",
      "-   return 'h[i]';",
      "+   bucket.set('last', new TextEncoder().encode('hello[ class]'));",
      "+   return 'h[ello class]';",
    ].map((l) => l.replace('[]', '')));
  });

  it('marks a number in a WAT line; leaves unmatched and unrelated lines unmarked', () => {
    expect(marked('(i32.const 41)))', '(i32.const 42)))')).toEqual(['- (i32.const 4[1])))', '+ (i32.const 4[2])))']);
    expect(marked('a\nb', 'a\nb\nnew line')).toEqual(['+ new line']);
    expect(marked('xyz', 'abc')).toEqual(['- xyz', '+ abc']);
  });
});
