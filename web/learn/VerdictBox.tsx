import { useEffect, useRef, type ReactNode } from 'react';
import type { Verdict } from '../../src/index';
import { prefersReducedMotion } from '../layout/prefersReducedMotion';
import { inline } from './LessonText';
import type { CheckOutput } from './printedLines';
import { splitProblem } from './splitProblem';

/** What a verdict box says besides the verdict: whose code it judged, and its heading. */
export interface VerdictLabels {
  /** The heading for a pass and for a fail. */
  pass: string;
  fail: string;
  /** A line under the heading (e.g. that the verdict is from before a reload). */
  note?: string;
  /** Whose printed lines these are ("What your component printed"). */
  printed: string;
  testId: string;
}

/** The learner's Check. */
export const YOURS: VerdictLabels = { pass: '✓ Passed — well done!', fail: '✗ Not yet', printed: 'What your component printed', testId: 'learn-verdict' };

/** Check's verdict: what is missing (or that it passed), what already works, and the run's output. */
export function VerdictBox({ verdict, output, onNext, labels = YOURS, scroll = true, children }: { verdict: Verdict; output: CheckOutput; onNext?: () => void; labels?: VerdictLabels; scroll?: boolean; children?: ReactNode }) {
  const box = useRef<HTMLElement>(null);
  // The verdict lands under the actions, often below the panel's fold: bring it into view
  // (no animation for people who asked the system for less motion). Not one shown again
  // after a reload: the lesson opens at its title.
  useEffect(() => {
    if (scroll) box.current?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, [verdict, scroll]);
  return (
    <section ref={box} className={`verdict ${verdict.pass ? 'verdict-pass' : 'verdict-fail'}`} data-testid={labels.testId} role="status" aria-live="polite">
      <strong className="verdict-head">{verdict.pass ? labels.pass : labels.fail}</strong>
      {labels.note && <p className="muted verdict-note" data-testid="verdict-note">{labels.note}</p>}
      {verdict.problems.length > 0 && (
        <ul className="verdict-problems">
          {verdict.problems.map((p, i) => <Problem key={i} text={p} />)}
        </ul>
      )}
      {verdict.passed.length > 0 && !verdict.pass && (
        <ul className="verdict-passed">
          {verdict.passed.map((p, i) => <li key={i}>✓ {inline(p)}</li>)}
        </ul>
      )}
      <Printed lines={output.yours} what={labels.printed} testId={labels === YOURS ? 'verdict-output' : `${labels.testId}-output`} />
      <Printed lines={output.helpers} what="What the lesson's other components printed" testId={labels === YOURS ? 'verdict-helper-output' : `${labels.testId}-helper-output`} />
      {verdict.pass && onNext && (
        <button type="button" className="primary small" data-testid="learn-next" onClick={onNext}>Next lesson ›</button>
      )}
      {children}
    </section>
  );
}

/** A run's printed lines, folded, with their count; nothing when none were printed. */
function Printed({ lines, what, testId }: { lines: string[]; what: string; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <details className="verdict-output" data-testid={testId}>
      <summary>{what} ({lines.length} line{lines.length === 1 ? '' : 's'})</summary>
      <pre>{lines.slice(0, 200).join('\n')}</pre>
    </details>
  );
}

/** One problem; a build error's excerpt keeps its lines so the caret sits under the column. */
function Problem({ text }: { text: string }) {
  const { head, excerpt } = splitProblem(text);
  return (
    <li>
      {inline(head)}
      {excerpt !== undefined && <pre className="verdict-excerpt" data-testid="verdict-excerpt">{excerpt}</pre>}
    </li>
  );
}
