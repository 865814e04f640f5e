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
      <button type="button" className="learn-entry active" data-testid="learn-entry" onClick={learn.leave} title="Back to the examples">
        Course {done}/{learn.lessons.length} ✕
      </button>
    );
  }
  return (
    <button type="button" className="learn-entry" data-testid="learn-entry" onClick={() => learn.open()} title="A guided course: components, WIT, key-value, messaging, blobs, with checks that run your code">
      {done === 0 ? 'Learn — start here' : `Learn (${done}/${learn.lessons.length})`}
    </button>
  );
}
