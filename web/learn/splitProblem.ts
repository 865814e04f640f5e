/** A verdict problem as shown: its sentence, and the build error's excerpt when it has one. */
export interface ProblemParts {
  /** The first line: read as a sentence (inline markup applies). */
  head: string;
  /** The following lines verbatim (a code line and its `....^` caret), or undefined. */
  excerpt: string | undefined;
}

/**
 * Splits a problem at its first line break. Build errors carry the compiler's excerpt (the
 * source line and a caret under the column) on the lines after the message; joined into
 * the sentence, the caret pointed at nothing.
 */
export function splitProblem(problem: string): ProblemParts {
  const lines = problem.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const rest = lines.slice(1);
  return { head: lines[0], excerpt: rest.some((l) => l.trim()) ? rest.join('\n') : undefined };
}
