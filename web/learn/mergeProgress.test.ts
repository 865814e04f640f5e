import { describe, expect, it } from 'vitest';
import { applyChanges, mergeProgress, sameSources } from './mergeProgress';
import { emptyProgress, type LessonProgress } from './progressStore';

const passed: LessonProgress = { ...emptyProgress(), sources: { abi: 'solved' }, done: true, tried: true, hints: 2, passedCode: { abi: 'solved' }, firstPassedAt: 1000 };

describe('mergeProgress', () => {
  it('never undoes what the learner achieved, even from a stale whole copy', () => {
    // A tab that still showed the fresh lesson writes its copy with one comment typed.
    const stale: LessonProgress = { ...emptyProgress(), sources: { abi: 'starter // note' } };
    const merged = mergeProgress(passed, stale);
    expect(merged).toMatchObject({ done: true, tried: true, hints: 2, passedCode: { abi: 'solved' }, firstPassedAt: 1000 });
    // The code is the last edit's, as in an editor.
    expect(merged.sources).toEqual({ abi: 'starter // note' });
  });

  it('keeps the first pass time and takes the newest passing code', () => {
    const again = mergeProgress(passed, { ...passed, passedCode: { abi: 'solved better' }, firstPassedAt: 5000 });
    expect(again.passedCode).toEqual({ abi: 'solved better' });
    expect(again.firstPassedAt).toBe(1000);
  });

  it('stores a change as it is when nothing was stored', () => {
    const first = { ...emptyProgress(), tried: true };
    expect(mergeProgress(undefined, first)).toBe(first);
    expect(mergeProgress(emptyProgress(), first)).toEqual(first);
    expect('passedCode' in mergeProgress(emptyProgress(), first)).toBe(false);
  });

  it('applies queued changes in order over a newer record', () => {
    const typed = applyChanges(passed, [(p) => ({ ...p, sources: { ...p.sources, abi: 'a' } }), (p) => ({ ...p, sources: { ...p.sources, abi: 'ab' } })]);
    expect(typed).toMatchObject({ done: true, sources: { abi: 'ab' } });
  });
});

describe('sameSources', () => {
  it('compares code by guest name, whatever the key order', () => {
    expect(sameSources({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameSources({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameSources(undefined, {})).toBe(true);
  });
});
