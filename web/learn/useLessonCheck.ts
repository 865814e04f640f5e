import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkLesson, solutionGuests, type Diagnostic, type ExampleGuest, type Lesson, type Verdict } from '../../src/index';
import { describeBuildStage } from '../component/describeBuildStage';
import { getBuildClient, getTraceStore } from '../engine';
import { NO_OUTPUT, printedLines, type CheckOutput } from './printedLines';
import type { LessonProgress } from './progressStore';
import { useCheckScriptConsent, type ScriptDecision } from './useCheckScriptConsent';

/** Check of the open lesson: what it is doing, its verdict, what the run printed and its markers. */
export interface LessonCheck {
  checking: boolean;
  stage: string;
  verdict: Verdict | undefined;
  /** What the checked run printed, the learner's guests' apart from the lesson's helpers', for the verdict box. */
  output: CheckOutput;
  /** The last Check's editor markers by guest name (build errors, a thrown exception's line), as Run's. */
  diagnostics: Record<string, Diagnostic[]>;
  check(): Promise<void>;
  /**
   * The verdict Check gives the lesson's own solution (a teacher's "is my lesson passable?"),
   * undefined until {@link checkSolution} ran for the open lesson.
   */
  solutionVerdict: { verdict: Verdict; output: CheckOutput } | undefined;
  /** Builds and runs the lesson's solution in place of the learner's code, judged as Check judges. */
  checkSolution(): Promise<void>;
  /** A lesson from a file or link wants to run its own check script: the script, while Check asks. */
  checkScriptAsked: string | undefined;
  /** The learner's answer: run the script (remembered for exactly this script) or check without it. */
  answerCheckScript(allow: boolean): void;
  /** Forgets the last Check (verdict, output, markers); one still under way is dropped, and Check is free again. */
  clear(): void;
}

/** Keeps a verdict with the code it judged, for after a reload (useLastVerdict). */
type Remember = (verdict: Verdict, output: CheckOutput, code: Record<string, string>) => void;

/** Whose code a Check runs: the learner's (the editors') or the lesson's solution. */
type Which = 'yours' | 'solution';

/** How Check records its outcome in the lesson's progress (useLessonProgress's patch). */
type PatchProgress = (id: string, change: (p: LessonProgress) => LessonProgress) => void;

/**
 * Check, apart from the rest of Learn mode: builds and runs the learner's guests
 * (checkLesson), shows its stages, then the verdict, output and markers, and marks the
 * lesson tried (and done, with the passing code kept) in its progress. A teacher's check
 * script asks first (useCheckScriptConsent). Only the newest Check's outcome is shown.
 */
export function useLessonCheck(lesson: Lesson | undefined, guests: ExampleGuest[], sources: Record<string, string>, shipped: boolean, patchProgress: PatchProgress, remember: Remember): LessonCheck {
  const [checking, setChecking] = useState(false);
  const [stage, setStage] = useState('');
  const [verdict, setVerdict] = useState<Verdict>();
  const [output, setOutput] = useState<CheckOutput>(NO_OUTPUT);
  const [diagnostics, setDiagnostics] = useState<Record<string, Diagnostic[]>>({});
  const [solutionVerdict, setSolutionVerdict] = useState<LessonCheck['solutionVerdict']>();
  const checkToken = useRef(0);
  // What the script prompt, once answered, goes on to check: the learner's code or the solution.
  const pending = useRef<Which>('yours');

  // Drops the last Check, and one still under way: it neither shows its verdict when it
  // ends nor keeps Check disabled. Reset during a Check left "Checking…" for good (the
  // ended Check was no longer the newest, so nothing cleared it), and a Check running when
  // the learner went to the next lesson put its verdict under that lesson.
  const clear = useCallback(() => {
    checkToken.current++;
    setChecking(false);
    setStage('');
    setVerdict(undefined);
    setOutput(NO_OUTPUT);
    setDiagnostics({});
    setSolutionVerdict(undefined);
  }, []);
  // Another lesson (or none: the course was left) starts without the last one's Check.
  const lessonKey = lesson?.id;
  useEffect(() => clear(), [lessonKey, clear]);
  // Another version of the lesson (its file opened again, fixed): the solution's verdict was the old one's.
  const lessonJson = useMemo(() => lesson && JSON.stringify(lesson), [lesson]);
  useEffect(() => setSolutionVerdict(undefined), [lessonJson]);

  const consent = useCheckScriptConsent(lesson, shipped);
  const runCheckWith = useCallback(async (decision: ScriptDecision, which: Which) => {
    if (!lesson) return;
    pending.current = which;
    if (decision === 'ask') return consent.ask();
    const token = ++checkToken.current;
    const solution = which === 'solution';
    setChecking(true);
    if (solution) setSolutionVerdict(undefined);
    else {
      setVerdict(undefined);
      setOutput(NO_OUTPUT);
      setDiagnostics({});
    }
    // The code checked, kept as the lesson's passing code if it passes.
    const checked = sources;
    const trace = getTraceStore();
    try {
      // The same build, run and judge as the learner's Check: only the code differs.
      const out = await checkLesson(getBuildClient(), lesson, solution ? solutionGuests(lesson) : guests, {
        onStage: (s) => token === checkToken.current && setStage(s),
        onBuildProgress: (guest, s, fraction) => token === checkToken.current && setStage(`building ${guest}: ${describeBuildStage(s, fraction)}…`),
        onTrace: (events) => trace.addLocal(events),
        skipScript: decision === 'skip',
      });
      if (!out || token !== checkToken.current) return;
      // The solution's run leaves the learner's verdict, markers (lines of code not in the editors) and progress alone.
      if (solution) return setSolutionVerdict({ verdict: out.verdict, output: printedLines(lesson, out.record) });
      const printed = printedLines(lesson, out.record);
      setVerdict(out.verdict);
      setDiagnostics(out.diagnostics);
      setOutput(printed);
      remember(out.verdict, printed, checked);
      const pass = out.verdict.pass;
      const at = Date.now();
      patchProgress(lesson.id, (p) => ({ ...p, tried: true, done: p.done || pass, ...(pass ? { passedCode: checked, firstPassedAt: p.firstPassedAt ?? at } : {}) }));
    } catch (e) {
      const failed: Verdict = { pass: false, problems: [`Check could not run: ${e instanceof Error ? e.message : String(e)}`], passed: [] };
      if (token === checkToken.current) {
        if (solution) setSolutionVerdict({ verdict: failed, output: NO_OUTPUT });
        else setVerdict(failed);
      }
    } finally {
      if (token === checkToken.current) {
        setChecking(false);
        setStage('');
      }
    }
  }, [lesson, guests, sources, patchProgress, consent, remember]);
  const check = useCallback(() => runCheckWith(consent.decide(), 'yours'), [runCheckWith, consent]);
  const checkSolution = useCallback(() => runCheckWith(consent.decide(), 'solution'), [runCheckWith, consent]);
  const answerCheckScript = useCallback(
    (allow: boolean) => {
      if (allow) consent.accept();
      else consent.decline();
      void runCheckWith(allow ? 'run' : 'skip', pending.current);
    },
    [consent, runCheckWith],
  );

  return { checking, stage, verdict, output, diagnostics, check, solutionVerdict, checkSolution, checkScriptAsked: consent.asking, answerCheckScript, clear };
}
