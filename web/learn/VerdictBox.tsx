import { useEffect, useRef, type ReactNode } from 'react';
import type { Verdict } from '../../src/index';
import { prefersReducedMotion } from '../layout/prefersReducedMotion';
import { inline } from './LessonText';
import type { CheckOutput } from './printedLines';
import { splitProblem } from './splitProblem';

/** Check's verdict: what is missing (or that it passed), what already works, and the run's output. */
export function VerdictBox({ verdict, output, onNext, children }: { verdict: Verdict; output: CheckOutput; onNext?: () => void; children?: ReactNode }) {
  const box = useRef<HTMLElement>(null);
  // The verdict lands under the actions, often below the panel's fold: bring it into view
  // (no animation for people who asked the system for less motion).
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, [verdict]);
  return (
    <section ref={box} className={`verdict ${verdict.pass ? 'verdict-pass' : 'verdict-fail'}`} data-testid="learn-verdict" role="status" aria-live="polite">
      <strong className="verdict-head">{verdict.pass ? '✓ Passed — well done!' : '✗ Not yet'}</strong>
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
      <Printed lines={output.yours} what="What your component printed" testId="verdict-output" />
      <Printed lines={output.helpers} what="What the lesson's other components printed" testId="verdict-helper-output" />
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
