import { diffLines, type ExampleGuest, type Lesson } from '../../src/index';

/** The learner's code against the solution, per guest the solution changes: `-` yours, `+` solution. */
export function SolutionDiff({ lesson, guests, onApply }: { lesson: Lesson; guests: ExampleGuest[]; onApply(): void }) {
  return (
    <section className="solution-diff" data-testid="solution-diff" aria-label="Your code against the solution">
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
              {lines.map((l, i) => (
                <div key={i} className={`diff-line diff-${l.kind === 'added' ? 'add' : l.kind === 'removed' ? 'del' : 'same'}`}>
                  <span className="diff-op">{l.kind === 'added' ? '+' : l.kind === 'removed' ? '-' : ' '}</span>
                  {l.text || ' '}
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
