import { useRef, useState } from 'react';
import { copyText } from '../share/copyText';
import { confirmApplySolution } from './confirmLessonReset';
import { CourseEnd } from './CourseEnd';
import { lessonLink } from './learnAddress';
import { LessonErrorText } from './LessonErrorText';
import { LessonText } from './LessonText';
import { SolutionDiff } from './SolutionDiff';
import type { Learn } from './useLearn';
import { VerdictBox, YOURS, type VerdictLabels } from './VerdictBox';
import { CheckScriptPrompt } from './CheckScriptPrompt';
import { CheckSolutionButton, SolutionCheckInvite, SolutionVerdict } from './SolutionCheck';
import { JumpToTask } from './JumpToTask';
import { LinkVersionNotice } from './LinkVersionNotice';
import { useLessonOpensAtItsStart } from './useLessonOpensAtItsStart';

/** The course column: lesson picker, text, task, hints, Check and its verdict, solution. */
export function LessonPanel({ learn, onReset }: { learn: Learn; onReset(): void }) {
  const { lesson, lessons, current } = learn;
  const [solutionOpen, setSolutionOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const taskBox = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useLessonOpensAtItsStart(lesson?.id, body);
  const index = lesson ? lessons.indexOf(lesson) : -1;
  // This page's Check, else the last one from before a reload (while the code is what it judged).
  const shownVerdict = learn.verdict ?? learn.verdictBefore?.verdict;
  const done = lessons.filter((l) => learn.progress[l.id]?.done).length;
  const go = (i: number) => {
    setSolutionOpen(false);
    learn.open(lessons[i]?.id);
  };

  return (
    <aside className="lesson-panel" data-testid="lesson-panel" aria-label="Lesson">
      <div className="lesson-nav">
        <button type="button" className="small" onClick={() => go(index - 1)} disabled={index <= 0} aria-label="Previous lesson">‹</button>
        <select data-testid="lesson-picker" aria-label="Lesson" value={lesson?.id ?? ''} onChange={(e) => go(lessons.findIndex((l) => l.id === e.target.value))}>
          {/* No lesson open (a damaged or unknown lesson link): without this the picker showed
              lesson 1 as chosen, which could then not be picked (no change), and ‹ › were off. */}
          {!lesson && <option value="" disabled>Pick a lesson</option>}
          {lessons.map((l, i) => (
            <option key={l.id} value={l.id}>
              {learn.progress[l.id]?.done ? '✓ ' : ''}{i + 1}. {l.title}
            </option>
          ))}
        </select>
        <button type="button" className="small" onClick={() => go(index + 1)} disabled={index < 0 || index >= lessons.length - 1} aria-label="Next lesson">›</button>
        <span className="muted lesson-count" title="Lessons done">{done}/{lessons.length}</span>
      </div>
      {learn.error && <LessonErrorText text={learn.error} />}
      <LinkVersionNotice learn={learn} />
      <SolutionCheckInvite learn={learn} />
      {learn.changedElsewhere && (
        <p className="lesson-elsewhere" role="status" data-testid="lesson-changed-elsewhere">
          This lesson's code was changed in another tab; the editor shows it now.
          <button type="button" className="small" onClick={learn.dismissChangedElsewhere} aria-label="Hide this notice">✕</button>
        </p>
      )}
      {!lesson ? (
        <p className="muted lesson-missing" data-testid="lesson-missing">This lesson is not in the course. Pick one above.</p>
      ) : (
        <div ref={body} className="lesson-body">
          <h2 className="lesson-title" data-testid="lesson-title">
            {lesson.title} {current.done && <span className="lesson-done" title="You completed this lesson">✓ done</span>}
          </h2>
          <JumpToTask task={taskBox} />
          <LessonText className="lesson-text" text={lesson.text} />
          {/* Focusable: "Your task ↓" moves the keyboard here. */}
          <div ref={taskBox} className="lesson-task" data-testid="lesson-task" tabIndex={-1}>
            <strong>Your task</strong>
            <LessonText text={lesson.task} />
          </div>
          {/* Further reading after the task: above it, the links pushed the task below a 768 px screen. */}
          {lesson.docs && lesson.docs.length > 0 && (
            <p className="lesson-docs">
              Docs:{' '}
              {lesson.docs.map((d, i) => (
                <span key={d.url}>{i > 0 && ' · '}<a href={d.url} target="_blank" rel="noopener noreferrer">{d.title}</a></span>
              ))}
            </p>
          )}
          {current.hints > 0 && (
            <ol className="lesson-hints" data-testid="lesson-hints">
              {lesson.hints.slice(0, current.hints).map((h, i) => <li key={i}><LessonText text={h} /></li>)}
            </ol>
          )}
          <div className="lesson-actions">
            <button type="button" className="primary" data-testid="learn-check" onClick={() => void learn.check()} disabled={learn.checking}>
              {learn.checking ? 'Checking…' : 'Check'}
            </button>
            <button type="button" data-testid="learn-hint" onClick={learn.showHint} disabled={current.hints >= lesson.hints.length}>
              {current.hints >= lesson.hints.length ? 'No more hints' : `Hint ${current.hints + 1} of ${lesson.hints.length}`}
            </button>
            <button type="button" data-testid="learn-solution" onClick={() => setSolutionOpen(!solutionOpen)} disabled={!current.tried} title={current.tried ? 'Compare your code with the solution' : 'Try Check first'}>
              {solutionOpen ? 'Hide solution' : 'Show solution'}
            </button>
            <button type="button" data-testid="learn-reset" onClick={onReset}>
              Reset lesson
            </button>
            {learn.passedCodeDiffers && (
              <button type="button" data-testid="learn-passed-code" onClick={learn.restorePassedCode} title="Put back the code that passed Check">
                Back to your passing code
              </button>
            )}
            {/* In the sticky bar, so what Check is doing shows wherever the lesson is scrolled. */}
            {learn.checking && <p className="muted lesson-stage" role="status" data-testid="learn-stage">{learn.stage}</p>}
          </div>
          {learn.checkScriptAsked !== undefined && !learn.checking && <CheckScriptPrompt script={learn.checkScriptAsked} onAnswer={learn.answerCheckScript} />}
          {shownVerdict && (
            <VerdictBox verdict={shownVerdict} output={learn.verdict ? learn.output : (learn.verdictBefore?.output ?? learn.output)} labels={learn.verdict || !learn.verdictBefore ? YOURS : fromBefore(learn.verdictBefore.at)} scroll={!!learn.verdict} onNext={index < lessons.length - 1 ? () => go(index + 1) : undefined}>
              {shownVerdict.pass && (index === lessons.length - 1 || done === lessons.length) && <CourseEnd lessons={lessons} progress={learn.progress} onOpen={(id) => go(lessons.findIndex((l) => l.id === id))} />}
            </VerdictBox>
          )}
          <SolutionVerdict learn={learn} />
          {solutionOpen && current.tried && <SolutionDiff lesson={lesson} guests={learn.guests} onApply={() => confirmApplySolution(learn, lesson.solution)} />}
        </div>
      )}
      <div className="lesson-footer">
        <button type="button" className="small" onClick={() => fileInput.current?.click()} title="Open a lesson file (wcp-lesson/1 JSON)">Open lesson file…</button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="lesson-file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void learn.loadFile(f); }} />
        {lesson && (
          <button type="button" className="small" data-testid="lesson-link" onClick={() => void copyLink(lessonLink(lesson, learn.shipped), setCopied)}>
            {copied ? 'Link copied' : 'Copy lesson link'}
          </button>
        )}
        {/* The author's (a file opened here): a student from a link needs no footer button of it. */}
        {lesson && !learn.shipped && learn.fromFile && <CheckSolutionButton learn={learn} />}
        {lesson && !learn.shipped && (
          <button type="button" className="small" data-testid="lesson-remove" onClick={() => confirm(`Take “${lesson.title}” out of the course? Open its file or link again to bring it back.`) && learn.removeLoaded()}>
            Remove this lesson
          </button>
        )}
        <button type="button" className="small" data-testid="learn-leave" onClick={learn.leave}>Leave the course</button>
      </div>
    </aside>
  );
}

/** The labels of a verdict shown again after a reload: said to be from before, with its time. */
function fromBefore(at: number): VerdictLabels {
  const when = new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
  return { ...YOURS, note: `From your last Check (${when}), before the page was loaded; your code is unchanged since.` };
}

/** Copies the link, or shows it for Ctrl+C where the clipboard is refused (http origins). */
async function copyLink(link: string, setCopied: (on: boolean) => void): Promise<void> {
  if (!(await copyText(link))) {
    window.prompt('Copy this link to the lesson:', link);
    return;
  }
  setCopied(true);
  setTimeout(() => setCopied(false), 1500);
}
