import { describe, expect, it } from 'vitest';
import { diffLines, type DiffLine } from './diffLines';

const text = (lines: string[]) => lines.join('\n');
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
/** The diff written as `+x`, `-x`, ` x`, to compare at a glance. */
const compact = (lines: DiffLine[]) => lines.map((l) => ({ same: ' ', added: '+', removed: '-' })[l.kind] + l.text);
/** Both sides rebuilt from the diff: nothing lost, nothing invented. */
const sides = (lines: DiffLine[]) => [text(lines.filter((l) => l.kind !== 'added').map((l) => l.text)), text(lines.filter((l) => l.kind !== 'removed').map((l) => l.text))];

describe('line diff', () => {
  it('an inserted line, with line numbers on both sides', () => {
    const d = diffLines('a\nb\nc', 'a\nb\nevil\nc');
    expect(compact(d.lines)).toEqual([' a', ' b', '+evil', ' c']);
    expect(d.lines[2]).toEqual({ kind: 'added', text: 'evil', newNo: 3 });
    expect(d.lines[3]).toEqual({ kind: 'same', text: 'c', oldNo: 3, newNo: 4 });
    expect([d.added, d.removed, d.same]).toEqual([1, 0, 3]);
  });

  it('a deleted line and a changed line', () => {
    expect(compact(diffLines('a\nb\nc', 'a\nc').lines)).toEqual([' a', '-b', ' c']);
    expect(compact(diffLines('a\nb\nc', 'a\nB\nc').lines)).toEqual([' a', '-b', '+B', ' c']);
  });

  it('identical texts: every line the same', () => {
    const d = diffLines('a\nb\n', 'a\nb\n');
    expect([d.added, d.removed, d.same]).toEqual([0, 0, 3]);
  });

  it('scattered edits line up with the shortest script and rebuild both sides', () => {
    const before = numbered(300);
    const after = before.flatMap((l, i) => (i % 30 === 0 ? [`${l} changed`] : i % 45 === 0 ? [l, 'inserted'] : i % 70 === 0 ? [] : [l]));
    const d = diffLines(text(before), text(after));
    expect(sides(d.lines)).toEqual([text(before), text(after)]);
    // 10 lines changed (one removed, one added each), 3 inserted (45, 135, 225), 3 deleted (70, 140, 280).
    expect(d.added + d.removed).toBe(2 * 10 + 3 + 3);
  });

  it('5,000 lines with one change diff fast; two unrelated 5,000-line files stay bounded', () => {
    const before = numbered(5000);
    const after = [...before];
    after[2500] = "ctx.log('stdout', 'pwned')";
    let t0 = performance.now();
    expect(compact(diffLines(text(before), text(after)).lines).filter((l) => l[0] !== ' ')).toEqual(['-line 2501', "+ctx.log('stdout', 'pwned')"]);
    expect(performance.now() - t0).toBeLessThan(100);
    // Every 7th line changed: too many edits to search exactly in the budget; still complete.
    const churned = before.map((l, i) => (i % 7 === 0 ? `${l}!` : l));
    const other = Array.from({ length: 5000 }, (_, i) => `other ${i}`);
    for (const b of [churned, other]) {
      t0 = performance.now();
      const d = diffLines(text(before), text(b));
      expect(performance.now() - t0).toBeLessThan(1500);
      expect(sides(d.lines)).toEqual([text(before), text(b)]);
    }
  });

  it('twelve thousand lines bundled in front of an edited module: the edit still stands out', () => {
    const shipped = numbered(33);
    const bundled = [...Array.from({ length: 12_000 }, (_, i) => `const t${i} = 1;`), ...shipped];
    bundled[12_000 + 20] = 'line 21 edited';
    const d = diffLines(text(shipped), text(bundled));
    expect(d.same).toBe(32);
    expect(compact(d.lines).filter((l) => l.startsWith('-'))).toEqual(['-line 21']);
  });

  it('a learner\'s diff ignores trailing spaces and Windows line ends, a reviewer\'s does not', () => {
    expect(diffLines('a  \r\nb', 'a\nb', { ignoreTrailingSpace: true }).lines.map((l) => l.kind)).toEqual(['same', 'same']);
    expect(diffLines('a  \nb', 'a\nb').removed).toBe(1);
  });
});
