import { lessonVersion, type Lesson } from '../../src/index';

/** How a teacher's lesson came into this browser: a file its user picked, or a link they opened. */
export type LessonSource = 'file' | 'link';

/** Schema version of an origin record; another version reads as unknown (the link then asks, as before origins were kept). */
const ORIGIN_VERSION = 1;
/** Earlier versions remembered per lesson: enough for a term of fixes. */
const MAX_REPLACED = 30;

/**
 * Where a stored teacher's lesson came from, and the versions ({@link lessonVersion}) it
 * replaced here (IndexedDB `wcp-learn`, key `origin:<id>`). A link to a lesson stored from a
 * link is the teacher's newer version (taken at once); a version this browser replaced
 * before is an older link (the newer one stays); a lesson stored from a file, its author's
 * own, is never replaced by a link without asking.
 */
export interface LessonOrigin {
  v: typeof ORIGIN_VERSION;
  from: LessonSource;
  replaced: string[];
}

/** A stored record, or undefined for anything unreadable (older, newer, damaged). */
export function readLessonOrigin(value: unknown): LessonOrigin | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Partial<LessonOrigin>;
  if (o.v !== ORIGIN_VERSION || (o.from !== 'file' && o.from !== 'link') || !Array.isArray(o.replaced)) return undefined;
  return { v: ORIGIN_VERSION, from: o.from, replaced: o.replaced.filter((r): r is string => typeof r === 'string') };
}

/** The origin after `lesson` replaced `previous` (the stored version, if any) and came `from` a file or link. */
export function nextLessonOrigin(old: LessonOrigin | undefined, lesson: Lesson, previous: Lesson | undefined, from: LessonSource): LessonOrigin {
  const now = lessonVersion(lesson);
  const before = previous ? [lessonVersion(previous)] : [];
  // The version now stored is not an "earlier" one, even if it was replaced once and taken back.
  const replaced = [...new Set([...(old?.replaced ?? []), ...before])].filter((v) => v !== now).slice(-MAX_REPLACED);
  return { v: ORIGIN_VERSION, from, replaced };
}
