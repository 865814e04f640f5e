import { describe, expect, it, vi } from 'vitest';
import { APPLY_SOLUTION_QUESTION, confirmApplySolution, confirmLessonReset, PASSED_CODE_KEPT, RESET_LESSON_QUESTION } from './confirmLessonReset';
import { emptyProgress } from './progressStore';

describe('confirmLessonReset', () => {
  it('asks before discarding the learner’s code, and keeps it when declined', () => {
    const learn = { current: { ...emptyProgress(), sources: { visits: 'mine' } }, resetLesson: vi.fn() };
    const ask = vi.fn(() => false);
    confirmLessonReset(learn, ask);
    expect(ask).toHaveBeenCalledWith(RESET_LESSON_QUESTION);
    expect(learn.resetLesson).not.toHaveBeenCalled();
    confirmLessonReset(learn, () => true);
    expect(learn.resetLesson).toHaveBeenCalledOnce();
  });

  it('says that the passing code is kept once the lesson passed', () => {
    const learn = { current: { ...emptyProgress(), done: true, sources: { visits: 'later' }, passedCode: { visits: 'passed' } }, resetLesson: vi.fn() };
    const ask = vi.fn(() => true);
    confirmLessonReset(learn, ask);
    expect(ask).toHaveBeenCalledWith(RESET_LESSON_QUESTION + PASSED_CODE_KEPT);
  });

  it('does not ask when nothing was changed', () => {
    const learn = { current: emptyProgress(), resetLesson: vi.fn() };
    const ask = vi.fn(() => false);
    confirmLessonReset(learn, ask);
    expect(ask).not.toHaveBeenCalled();
    expect(learn.resetLesson).toHaveBeenCalledOnce();
  });
});

describe('confirmApplySolution', () => {
  const solution = { visits: 'the solution' };
  it('asks before the solution replaces the learner’s own code, and keeps it when declined', () => {
    const learn = { current: { ...emptyProgress(), sources: { visits: 'my attempt' } }, applySolution: vi.fn() };
    const ask = vi.fn(() => false);
    expect(confirmApplySolution(learn, solution, ask)).toBe(false);
    expect(ask).toHaveBeenCalledWith(APPLY_SOLUTION_QUESTION);
    expect(learn.applySolution).not.toHaveBeenCalled();
    expect(confirmApplySolution(learn, solution, () => true)).toBe(true);
    expect(learn.applySolution).toHaveBeenCalledOnce();
  });

  it('does not ask when nothing of the learner’s would be replaced (the starter, or the solution already)', () => {
    const ask = vi.fn(() => false);
    for (const sources of [{}, { visits: 'the solution' }, { helper: 'edited, but the solution leaves it' }] as Record<string, string>[]) {
      const learn = { current: { ...emptyProgress(), sources }, applySolution: vi.fn() };
      expect(confirmApplySolution(learn, solution, ask)).toBe(true);
    }
    expect(ask).not.toHaveBeenCalled();
  });
});
