import { lessonVersion, type Lesson } from '../../src/index';
import type { LessonOrigin } from './lessonOriginStore';

/**
 * What opening a lesson link does, given the version stored under its id:
 * - `add`: none stored: the link's lesson is stored;
 * - `same`: the stored one is the link's;
 * - `update`: the stored one came from a link too (the teacher's earlier link): the link's
 *   version replaces it and the learner is told (their code and progress are kept by id);
 * - `older`: the link's version is one this browser replaced before (an old link, opened
 *   again from the top of a chat): the newer stored one stays and the learner is told;
 * - `ask`: the stored one came from a file picked here (its author's own) or from before
 *   origins were kept: the learner picks, so a stranger's link cannot replace it unasked.
 */
export type LinkVersionDecision = 'add' | 'same' | 'update' | 'older' | 'ask';

export function decideLinkVersion(stored: Lesson | undefined, link: Lesson, origin: LessonOrigin | undefined): LinkVersionDecision {
  if (!stored) return 'add';
  if (JSON.stringify(stored) === JSON.stringify(link)) return 'same';
  if (origin?.replaced.includes(lessonVersion(link))) return 'older';
  return origin?.from === 'link' ? 'update' : 'ask';
}
