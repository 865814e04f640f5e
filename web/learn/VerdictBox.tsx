import type { Verdict } from '../../src/index';
import { inline } from './LessonText';

/** Check's verdict: what is missing (or that it passed), what already works, and the run's output. */
export function VerdictBox({ verdict, output, onNext }: { verdict: Verdict; output: string[]; onNext?: () => void }) {
  return (
    <section className={`verdict ${verdict.pass ? 'verdict-pass' : 'verdict-fail'}`} data-testid="learn-verdict" role="status" aria-live="polite">
      <strong className="verdict-head">{verdict.pass ? '✓ Passed — well done!' : '✗ Not yet'}</strong>
      {verdict.problems.length > 0 && (
        <ul className="verdict-problems">
          {verdict.problems.map((p, i) => <li key={i}>{inline(p)}</li>)}
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
    </section>
  );
}
