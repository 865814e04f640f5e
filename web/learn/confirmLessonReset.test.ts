import { describe, expect, it, vi } from 'vitest';
import { confirmLessonReset, PASSED_CODE_KEPT, RESET_LESSON_QUESTION } from './confirmLessonReset';
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
