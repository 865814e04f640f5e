import { encodeLessonHash, isLessonHash, type Lesson } from '../../src/index';

/** What the address asks of Learn mode: `?learn`, `?learn=<id>`, and a lesson link `#l2.…` (or `#l1.…`). */
export interface LearnAddress {
  active: boolean;
  lessonId?: string;
  /** The lesson link's hash when the address carries a lesson. */
  hash?: string;
}

export function readLearnAddress(loc: Pick<Location, 'search' | 'hash'>): LearnAddress {
  const params = new URLSearchParams(loc.search);
  const hash = isLessonHash(loc.hash) ? loc.hash : undefined;
  if (!params.has('learn') && !hash) return { active: false };
  const id = params.get('learn');
  return { active: true, ...(id && /^[a-z0-9][a-z0-9-]*$/.test(id) ? { lessonId: id } : {}), ...(hash ? { hash } : {}) };
}

/** `search` with `learn` set to the lesson (or removed), keeping every other parameter. */
export function withLearn(search: string, lessonId: string | undefined | null): string {
  const params = new URLSearchParams(search);
  if (lessonId === null) params.delete('learn');
  else params.set('learn', lessonId ?? '');
  params.delete('example');
  const text = params.toString().replace(/(^|&)(learn|present)=(?=&|$)/g, '$1$2');
  return text ? `?${text}` : '';
}

/** Mirrors Learn mode into the address bar, so a reload or a shared URL opens the same lesson. */
export function writeLearnAddress(lessonId: string | null, keepHash = false): void {
  history.replaceState(history.state, '', `${location.pathname}${withLearn(location.search, lessonId)}${keepHash ? location.hash : ''}`);
}

/** A link that opens `lesson`: its id for shipped lessons, the whole lesson for loaded ones. */
export function lessonLink(lesson: Lesson, shipped: boolean, base: Pick<Location, 'origin' | 'pathname'> = location): string {
  return shipped ? `${base.origin}${base.pathname}?learn=${lesson.id}` : `${base.origin}${base.pathname}?learn=${lesson.id}${encodeLessonHash(lesson)}`;
}
