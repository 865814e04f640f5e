import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { forgetLastVerdict, loadLastVerdict, readStoredVerdict, saveLastVerdict } from './verdictStore';

const verdict = { pass: false, problems: ['run returned 41, expected 42'], passed: [] };

describe('the last verdict of a lesson, kept across reloads', () => {
  it('is read back with the code it judged, and forgotten', async () => {
    await saveLastVerdict('l1', { lesson: 'abc-1', code: { answer: '(module)' }, verdict, output: { yours: ['answer › hi'], helpers: [] }, at: 5 });
    expect(await loadLastVerdict('l1')).toEqual({ v: 1, lesson: 'abc-1', code: { answer: '(module)' }, verdict, output: { yours: ['answer › hi'], helpers: [] }, at: 5 });
    await forgetLastVerdict('l1');
    expect(await loadLastVerdict('l1')).toBeUndefined();
  });
  it("keeps a flood's first 200 printed lines and says how many more there were", async () => {
    const yours = Array.from({ length: 1000 }, (_, i) => `g › ${i}`);
    await saveLastVerdict('l2', { lesson: 'abc-1', code: {}, verdict, output: { yours, helpers: [] }, at: 5 });
    const read = await loadLastVerdict('l2');
    expect(read?.output.yours).toHaveLength(201);
    expect(read?.output.yours.at(-1)).toBe('… and 800 more lines');
  });
  it('reads a record of another version or a damaged one as none (no broken verdict box)', () => {
    const good = { v: 1, lesson: 'x', code: {}, verdict, output: { yours: [], helpers: [] }, at: 1 };
    expect(readStoredVerdict(good)).toBeDefined();
    expect(readStoredVerdict({ ...good, v: 2 })).toBeUndefined();
    expect(readStoredVerdict({ ...good, verdict: { pass: 'yes', problems: [], passed: [] } })).toBeUndefined();
    expect(readStoredVerdict({ ...good, code: { answer: 3 } })).toBeUndefined();
    expect(readStoredVerdict('nonsense')).toBeUndefined();
  });
});
