import type { Learn } from './useLearn';

/** What both Reset buttons ask while a lesson is open (the lesson's and the header's). */
export const RESET_LESSON_QUESTION = 'Put the starter code back? Your code for this lesson is discarded.';
/** Added once the lesson passed: that code is kept whatever happens to the editors' code. */
export const PASSED_CODE_KEPT = ' The code that passed Check is kept ("Back to your passing code").';

/**
 * Resets the open lesson after asking, unless the learner changed nothing (then there is
 * nothing to lose). The header's Reset once discarded a student's code unasked while the
 * lesson's own button asked; with the plain editor there was no undo. True when it reset.
 */
export function confirmLessonReset(learn: Pick<Learn, 'current' | 'resetLesson'>, ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  const question = RESET_LESSON_QUESTION + (learn.current.passedCode ? PASSED_CODE_KEPT : '');
  if (Object.keys(learn.current.sources).length > 0 && !ask(question)) return false;
  learn.resetLesson();
  return true;
}

/** What "Put the solution in the editor" asks when it would replace the learner's own code. */
export const APPLY_SOLUTION_QUESTION = 'Put the solution in the editor? Your code for this lesson is replaced by it.';

/**
 * Puts the solution in after asking, when the learner's code for a guest the solution
 * changes is their own (edited, and not already the solution). The button, right under the
 * diff, replaced a student's attempt unasked; with the plain editor there was no undo.
 * True when it applied.
 */
export function confirmApplySolution(learn: Pick<Learn, 'current' | 'applySolution'>, solution: Record<string, string>, ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  const own = Object.entries(learn.current.sources).some(([name, source]) => name in solution && source !== solution[name]);
  if (own && !ask(APPLY_SOLUTION_QUESTION + (learn.current.passedCode ? PASSED_CODE_KEPT : ''))) return false;
  learn.applySolution();
  return true;
}
