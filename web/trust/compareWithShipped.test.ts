import { describe, expect, it } from 'vitest';
import { compareWithShipped } from './compareWithShipped';

const text = (lines: string[]) => lines.join('\n');
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('comparing with the shipped host', () => {
  const shipped = text(numbered(33));
  it('says what changed and shows it with three lines of context', () => {
    const after = numbered(33);
    after.splice(16, 0, "ctx.log('stdout', 'pwned ' + key)");
    const c = compareWithShipped(shipped, text(after));
    expect(c.basedOn).toBe(true);
    expect(c.summary).toBe('1 line added');
    expect(c.hunks).toHaveLength(1);
    expect(c.hunks[0].skippedBefore).toBe(13);
    expect(c.hunks[0].rows.map((r) => r.newNo)).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(c.skippedAfter).toBe(14);
  });

  it('counts changed, added and removed lines, and tells a rewrite from an edit', () => {
    const after = numbered(33).map((l, i) => (i === 3 ? 'changed' : l)).filter((_, i) => i !== 10);
    after.push('x', 'y');
    expect(compareWithShipped(shipped, text(after)).summary).toBe('1 line changed, 2 added and 1 removed');
    const rewrite = compareWithShipped(shipped, 'export default { create() { return {}; } };');
    expect(rewrite.basedOn).toBe(false);
  });

  it('caps the rows of a huge diff and counts the changes left out', () => {
    const c = compareWithShipped(shipped, text(Array.from({ length: 2000 }, (_, i) => `new ${i}`)), 3, 400);
    expect(c.hunks.reduce((n, h) => n + h.rows.length, 0)).toBe(400);
    expect(c.changesNotShown).toBe(2033 - 400);
  });
});
