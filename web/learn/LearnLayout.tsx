import type { ReactNode } from 'react';
import { LessonPanel } from './LessonPanel';
import type { Learn } from './useLearn';
import './learn.css';

/**
 * While learning, the lesson column sits left of the editors and output; otherwise a
 * pass-through. `onReset` is the header's Reset too (it also stops what the old code runs).
 */
export function LearnLayout({ learn, onReset, children }: { learn: Learn; onReset(): void; children: ReactNode }) {
  if (!learn.active) return <>{children}</>;
  return (
    <div className="learn-row">
      <LessonPanel learn={learn} onReset={onReset} />
      <div className="learn-work">{children}</div>
    </div>
  );
}

/** The header's way into the course: where a newcomer starts. */
export function LearnEntry({ learn }: { learn: Learn }) {
  const done = learn.lessons.filter((l) => learn.progress[l.id]?.done).length;
  if (learn.active) {
    return (
      <>
        <button type="button" className="learn-entry active" data-testid="learn-entry" onClick={learn.leave} title="Back to the examples">
          Course {done}/{learn.lessons.length} ✕
        </button>
        {/* Shown only while a phone's keyboard is up (web/onScreenKeyboard): the lesson's Check is out of sight then. */}
        <button type="button" className="learn-entry-check" data-testid="header-check" onClick={() => void learn.check()} disabled={learn.checking}>
          {learn.checking ? 'Checking…' : 'Check'}
        </button>
      </>
    );
  }
  return (
    <button type="button" className="learn-entry" data-testid="learn-entry" onClick={() => learn.open()} title="A guided course: components, WIT, key-value, messaging, blobs, with checks that run your code">
      {/* A phone on its side shows the short one (layout.css): the header is one row there. */}
      {done === 0 ? <><span className="learn-entry-long">Learn — start here</span><span className="learn-entry-short">Learn</span></> : `Learn (${done}/${learn.lessons.length})`}
    </button>
  );
}
