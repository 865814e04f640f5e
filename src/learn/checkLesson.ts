import { distinctProblems, type Diagnostic } from '../protocol/buildProtocol';
import type { BuildClient } from '../toolchain/createBuildClient';
import { judgeRun, type Verdict } from './judgeRun';
import type { Lesson, LessonGuest } from './lessonTypes';
import { runCheck, type RunCheckOptions } from './runCheck';
import { runCheckScript } from './runCheckScript';
import type { RunRecord } from './runRecord';

/** What Check found: the verdict, and the run it judged (absent when the code didn't build). */
export interface CheckOutcome {
  verdict: Verdict;
  record?: RunRecord;
  /**
   * Editor markers by guest name, as a Run's would be: its build errors, or the line a
   * JavaScript exception names. Before, only the verdict's text said "line N".
   */
  diagnostics: Record<string, Diagnostic[]>;
}

/** Check's options: the run's, and whether the lesson's own script check may run. */
export interface CheckLessonOptions extends RunCheckOptions {
  /**
   * The learner declined the script of a lesson from a file or link (code they did not
   * write): the declarative checks run, and the verdict says the script did not, so the
   * lesson cannot pass without it.
   */
  skipScript?: boolean;
}

/** The problem a declined script check leaves in the verdict. */
export const SCRIPT_SKIPPED = "the lesson's own check (JavaScript that came with the lesson) was not run, as you chose: allow it to finish checking";

/**
 * "Check": builds and runs the learner's guests as the lesson asks, then judges what
 * really happened. Build errors are the verdict themselves (with the line), and a
 * lesson's script check runs sandboxed after the declarative ones. Resolves undefined when
 * a newer build superseded this check.
 */
export async function checkLesson(client: BuildClient, lesson: Lesson, guests: LessonGuest[], opts: CheckLessonOptions = {}): Promise<CheckOutcome | undefined> {
  const ran = await runCheck(client, guests, lesson.check, opts);
  if (ran.status === 'stale') return undefined;
  if (ran.status === 'build-failed') return { verdict: buildFailedVerdict(ran.guest, ran.diagnostics), diagnostics: { [ran.guest]: ran.diagnostics } };
  const verdict = judgeRun(lesson.check, ran.record);
  if (lesson.check.script && opts.skipScript) {
    verdict.problems.push(SCRIPT_SKIPPED);
    verdict.pass = false;
  } else if (lesson.check.script) {
    const extra = await runCheckScript(lesson.check.script, ran.record);
    verdict.problems.push(...extra);
    verdict.pass = verdict.problems.length === 0;
  }
  return { verdict, record: ran.record, diagnostics: trapMarkers(ran.record) };
}

/**
 * Build errors as the verdict: the first three, with their lines. A mistake marked in both
 * editors (a WAT export and its WIT function) is one problem: QA saw `(export "Run")` as two
 * near-identical bullets.
 */
export function buildFailedVerdict(guest: string, diagnostics: readonly Diagnostic[]): Verdict {
  const problems = distinctProblems(diagnostics).slice(0, 3).map((d) => `\`${guest}\` does not build: ${d.line ? `${d.file === 'wit' ? 'WIT ' : ''}line ${d.line}: ` : ''}${d.message}`);
  return { pass: false, problems: problems.length ? problems : [`\`${guest}\` does not build`], passed: [] };
}

/** The first trap marker of each guest (its copies and later runs trap at the same line). */
function trapMarkers(record: RunRecord): Record<string, Diagnostic[]> {
  const out: Record<string, Diagnostic[]> = {};
  for (const g of record.guests) if (g.marker && !out[g.name]) out[g.name] = [g.marker];
  return out;
}

/** The lesson's guests with the solution's sources: what Check must accept. */
export function solutionGuests(lesson: Lesson): LessonGuest[] {
  return learnerGuests(lesson, lesson.solution);
}

/**
 * The guests Check and Run use: the learner's code (by guest name) over the starter,
 * except for `fixed` helpers, and `sameCodeAs` guests sharing another guest's code.
 */
/** Whether `name` is one of the lesson's fixed helper guests (code the learner does not write; Check runs it as given). */
export function isHelperGuest(lesson: Lesson, name: string): boolean {
  return lesson.guests.find((g) => g.name === name)?.fixed === true;
}

export function learnerGuests(lesson: Lesson, sources: Record<string, string>): LessonGuest[] {
  return lesson.guests.map((g) => {
    if (g.fixed) return g;
    const owner = g.sameCodeAs ? lesson.guests.find((o) => o.name === g.sameCodeAs) : g;
    const from = owner ?? g;
    return { ...g, source: sources[from.name] ?? from.source, wit: sources[`${from.name}:wit`] ?? from.wit };
  });
}
