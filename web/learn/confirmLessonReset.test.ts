import { describe, expect, it, vi } from 'vitest';
import { confirmLessonReset, RESET_LESSON_QUESTION } from './confirmLessonReset';
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

  it('does not ask when nothing was changed', () => {
    const learn = { current: emptyProgress(), resetLesson: vi.fn() };
    const ask = vi.fn(() => false);
    confirmLessonReset(learn, ask);
    expect(ask).not.toHaveBeenCalled();
    expect(learn.resetLesson).toHaveBeenCalledOnce();
  });
});
