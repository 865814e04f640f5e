import { useEffect, useRef } from 'react';
import { diffLines, type ExampleGuest, type Lesson } from '../../src/index';
import { findChangedSpans, type MarkedLine } from './findChangedSpans';

/** The learner's code against the solution, per guest the solution changes: `-` yours, `+` solution. */
export function SolutionDiff({ lesson, guests, onApply }: { lesson: Lesson; guests: ExampleGuest[]; onApply(): void }) {
  const section = useRef<HTMLElement>(null);
  // Opened, each diff box shows its first change (two lines above it for context): in a long
  // guest the changes sat below the box's fold, and the learner saw only unchanged code.
  useEffect(() => {
    for (const box of section.current?.querySelectorAll<HTMLElement>('.diff') ?? []) {
      const first = box.querySelector<HTMLElement>('.diff-add, .diff-del');
      if (first) box.scrollTop += first.getBoundingClientRect().top - box.getBoundingClientRect().top - 2 * first.getBoundingClientRect().height;
    }
  }, []);
  return (
    <section ref={section} className="solution-diff" data-testid="solution-diff" aria-label="Your code against the solution">
      {Object.entries(lesson.solution).map(([name, solution]) => {
        const mine = guests.find((g) => g.name === name)?.source ?? '';
        const { lines, added, removed } = diffLines(mine, solution, { ignoreTrailingSpace: true });
        const changed = added + removed > 0;
        return (
          <div key={name}>
            <div className="solution-head">
              <strong>{name}</strong> <span className="muted">{changed ? '− your code  + solution' : 'your code is the solution'}</span>
            </div>
            <pre className="diff">
              {findChangedSpans(lines).map((l, i) => (
                <div key={i} className={`diff-line diff-${l.kind === 'added' ? 'add' : l.kind === 'removed' ? 'del' : 'same'}`}>
                  <span className="diff-op">{l.kind === 'added' ? '+' : l.kind === 'removed' ? '-' : ' '}</span>
                  <LineText line={l} />
                </div>
              ))}
            </pre>
          </div>
        );
      })}
      <button type="button" className="small" data-testid="apply-solution" onClick={onApply}>
        Put the solution in the editor
      </button>
    </section>
  );
}

/** A line's text with the part that differs from its counterpart marked. */
function LineText({ line }: { line: MarkedLine }) {
  const { text, changed } = line;
  if (!changed) return <>{text || ' '}</>;
  return (
    <>
      {text.slice(0, changed.from)}
      <mark className="diff-changed">{text.slice(changed.from, changed.to)}</mark>
      {text.slice(changed.to)}
    </>
  );
}
