import type { Learn } from './useLearn';
import { VerdictBox, type VerdictLabels } from './VerdictBox';

/** The solution's verdict: whether the class can pass the lesson at all. */
const SOLUTION: VerdictLabels = {
  pass: '✓ The solution passes its own check: the class can pass this lesson.',
  fail: "✗ The solution fails its own check: no one can pass this lesson as it is. Fix the file (its check or its solution) and open it again.",
  printed: 'What the solution printed',
  testId: 'lesson-solution-verdict',
};

/**
 * A teacher's lesson whose solution fails its own check is a lesson no student can pass,
 * and nothing said so before the class found out. Just after a lesson file is opened this
 * invites its author to check the solution; "Check the solution" (also in the footer of
 * every lesson opened from a file here, not of one a student got by link) builds and runs it with the same judge as Check.
 * Asked, not automatic: it builds and runs code (a JavaScript lesson's first build
 * downloads the engine) and a lesson with a check script asks before running it, neither of
 * which should start unbidden when a file is opened, least of all by a student.
 */
export function SolutionCheckInvite({ learn }: { learn: Learn }) {
  if (!learn.openedFile || learn.solutionVerdict) return null;
  return (
    <p className="lesson-elsewhere" role="status" data-testid="lesson-check-solution-invite">
      <span>Opened “{learn.openedFile}”. Before you share it, check that its solution passes the lesson's check.</span>
      <CheckSolutionButton learn={learn} />
    </p>
  );
}

/** Runs Check on the lesson's solution (disabled while any Check runs). */
export function CheckSolutionButton({ learn }: { learn: Learn }) {
  return (
    <button type="button" className="small" data-testid="lesson-check-solution" onClick={() => void learn.checkSolution()} disabled={learn.checking} title="Build and run the lesson's solution and judge it as Check judges a student's code">
      Check the solution
    </button>
  );
}

/** The solution's verdict, in the same words as a student's Check. */
export function SolutionVerdict({ learn }: { learn: Learn }) {
  if (!learn.solutionVerdict) return null;
  return <VerdictBox verdict={learn.solutionVerdict.verdict} output={learn.solutionVerdict.output} labels={SOLUTION} />;
}
