// A lesson file's problems were one run-on sentence ("…: a; b; c"): a teacher fixing the
// file lost track of which were done. Lines after the first are now a list.

/** The error's first line as a sentence, the lines after it (a lesson file's problems) as a list. */
export function LessonErrorText({ text }: { text: string }) {
  const [lead, ...problems] = text.split('\n');
  return (
    // Focusable: a long list scrolls, and the keyboard must reach its end too.
    <div className="lesson-error" role="alert" data-testid="lesson-error" tabIndex={problems.length > 0 ? 0 : undefined}>
      <p>{lead}</p>
      {problems.length > 0 && <ul data-testid="lesson-error-problem-list">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
    </div>
  );
}
