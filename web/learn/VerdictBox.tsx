import { useEffect, useRef, type ReactNode } from 'react';
import type { Verdict } from '../../src/index';
import { prefersReducedMotion } from '../layout/prefersReducedMotion';
import { inline } from './LessonText';
import { splitProblem } from './splitProblem';

/** Check's verdict: what is missing (or that it passed), what already works, and the run's output. */
export function VerdictBox({ verdict, output, onNext, children }: { verdict: Verdict; output: string[]; onNext?: () => void; children?: ReactNode }) {
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
      {output.length > 0 && (
        <details className="verdict-output">
          <summary>What your component printed ({output.length} line{output.length === 1 ? '' : 's'})</summary>
          <pre>{output.slice(0, 200).join('\n')}</pre>
        </details>
      )}
      {verdict.pass && onNext && (
        <button type="button" className="primary small" data-testid="learn-next" onClick={onNext}>Next lesson ›</button>
      )}
      {children}
    </section>
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
