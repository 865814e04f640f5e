import { createStore, del, entries, get, set, update } from 'idb-keyval';
import { parseLesson, type Lesson } from '../../src/index';
import { nextLessonOrigin, readLessonOrigin, type LessonOrigin, type LessonSource } from './lessonOriginStore';
import { mergeProgress, type ProgressChange } from './mergeProgress';

/**
 * Schema version of a progress record; bump with a migration in {@link readProgress}.
 * Optional fields (`passedCode`, `firstPassedAt`) came later without a bump: a record
 * without them reads as one that never kept them.
 */
const PROGRESS_VERSION = 1;

/** What the learner has done in one lesson (IndexedDB `wcp-learn`, store `progress`). */
export interface LessonProgress {
  v: typeof PROGRESS_VERSION;
  /** The learner's code by guest name (only guests they changed). */
  sources: Record<string, string>;
  /** Check passed at least once. */
  done: boolean;
  /** Check ran at least once (unlocks "Show solution"). */
  tried: boolean;
  /** Hints revealed so far. */
  hints: number;
  /** The code (as `sources`) of the latest Check that passed: no edit, reset or other tab removes it. */
  passedCode?: Record<string, string>;
  /** When Check first passed (ms since 1970). */
  firstPassedAt?: number;
}

export const emptyProgress = (): LessonProgress => ({ v: PROGRESS_VERSION, sources: {}, done: false, tried: false, hints: 0 });

let store: ReturnType<typeof createStore> | undefined;
/** The course's IndexedDB store (`wcp-learn`): progress, loaded lessons and last verdicts, each under its own key prefix. */
export const learnDb = () => (store ??= createStore('wcp-learn', 'progress'));
const db = learnDb;
const PROGRESS = 'progress:';
const LESSON = 'lesson:';
const ORIGIN = 'origin:';

/** Anything unreadable (older/newer/damaged) starts fresh rather than breaking the course. */
function readProgress(value: unknown): LessonProgress | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const p = value as Partial<LessonProgress>;
  if (p.v !== PROGRESS_VERSION || typeof p.sources !== 'object' || p.sources === null) return undefined;
  const passedCode = p.passedCode && typeof p.passedCode === 'object' ? { passedCode: p.passedCode } : {};
  const firstPassedAt = typeof p.firstPassedAt === 'number' ? { firstPassedAt: p.firstPassedAt } : {};
  return { v: PROGRESS_VERSION, sources: p.sources, done: !!p.done, tried: !!p.tried, hints: Number(p.hints) || 0, ...passedCode, ...firstPassedAt };
}

/** All progress records and lessons loaded from files or links (with where they came from), in one read. */
export async function loadLearnData(): Promise<{ progress: Record<string, LessonProgress>; loaded: Lesson[]; origins: Record<string, LessonOrigin> }> {
  const progress: Record<string, LessonProgress> = {};
  const loaded: Lesson[] = [];
  const origins: Record<string, LessonOrigin> = {};
  for (const [key, value] of await entries(db())) {
    const k = String(key);
    if (k.startsWith(ORIGIN)) {
      const o = readLessonOrigin(value);
      if (o) origins[k.slice(ORIGIN.length)] = o;
    } else if (k.startsWith(PROGRESS)) {
      const p = readProgress(value);
      if (p) progress[k.slice(PROGRESS.length)] = p;
    } else if (k.startsWith(LESSON)) {
      try {
        loaded.push(parseLesson(value));
      } catch {
        // A stored lesson that no longer validates is skipped, not deleted: nothing stored is lost.
      }
    }
  }
  return { progress, loaded, origins };
}

/**
 * Applies `change` to the lesson's stored record and stores the merge ({@link mergeProgress})
 * in one IndexedDB transaction, so no other tab writes in between; returns what was stored.
 * Never a write of this tab's in-memory copy: that copy may be older than another tab's write.
 */
export async function updateProgress(id: string, change: ProgressChange): Promise<LessonProgress> {
  let stored: LessonProgress | undefined;
  await update(
    `${PROGRESS}${id}`,
    (old) => {
      const before = readProgress(old) ?? emptyProgress();
      stored = mergeProgress(before, change(before));
      return stored;
    },
    db(),
  );
  return stored ?? emptyProgress();
}
/** Stores a teacher's lesson (replacing the version stored under its id) and where it came from. */
export async function saveLoadedLesson(lesson: Lesson, from: LessonSource): Promise<void> {
  let previous: Lesson | undefined;
  try {
    previous = parseLesson(await get(`${LESSON}${lesson.id}`, db()));
  } catch {
    previous = undefined;
  }
  await set(`${LESSON}${lesson.id}`, lesson, db());
  await update(`${ORIGIN}${lesson.id}`, (old) => nextLessonOrigin(readLessonOrigin(old), lesson, previous, from), db());
}
export const forgetLoadedLesson = async (id: string): Promise<void> => {
  await del(`${LESSON}${id}`, db());
  await del(`${ORIGIN}${id}`, db());
};
export const readStoredProgress = async (id: string): Promise<LessonProgress | undefined> => readProgress(await get(`${PROGRESS}${id}`, db()));
