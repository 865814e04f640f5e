import type { Lesson } from '../../src/index';
import type { LessonProgress } from './progressStore';

/**
 * Shown under a passing verdict at the end of the course: "course complete" when every
 * lesson is done, otherwise the lessons still open, each a way back to it (after the last
 * lesson there is no "Next", and the counter alone did not say which ones were missing).
 */
export function CourseEnd({ lessons, progress, onOpen }: { lessons: Lesson[]; progress: Record<string, LessonProgress>; onOpen(id: string): void }) {
  const open = lessons.map((l, i) => ({ lesson: l, n: i + 1 })).filter(({ lesson }) => !progress[lesson.id]?.done);
  if (open.length === 0) {
    return (
      <p className="course-end" data-testid="course-end">
        <strong>Course complete!</strong> You did all {lessons.length} lessons. Pick any to revisit it, or leave the course to try the examples.
      </p>
    );
  }
  return (
    <div className="course-end" data-testid="course-end">
      <strong>That was the last lesson.</strong> {open.length === 1 ? 'One lesson is' : `${open.length} lessons are`} still open:
      <ul>
        {open.map(({ lesson, n }) => (
          <li key={lesson.id}>
            <button type="button" className="link" data-testid="course-open-lesson" onClick={() => onOpen(lesson.id)}>{n}. {lesson.title}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
