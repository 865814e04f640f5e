import { useCallback, useEffect } from 'react';
import type { Notices } from '../state/useNotices';
import type { Learn } from './useLearn';

const NOTICE_ID = 'left-course';

/**
 * The header's example picker while a lesson is open: it opens the example (the picker is
 * how the examples are reached) but says that the course was left and offers the way back.
 * A learner who picked an example by mistake otherwise lost the lesson without a word, and
 * a class told "open the course" could not tell whether their code was gone (it is kept).
 */
export function useLeaveCourse(learn: Learn, notices: Notices, openExample: (id: string) => void): (exampleId: string) => void {
  const { active, lesson, leave, open } = learn;
  const { show, dismiss } = notices;
  // Back in the course (by the notice, the header's entry or a lesson link): the notice is stale.
  useEffect(() => {
    if (active) dismiss(NOTICE_ID);
  }, [active, dismiss]);
  return useCallback(
    (exampleId: string) => {
      if (active && lesson) {
        const id = lesson.id;
        show({
          id: NOTICE_ID,
          kind: 'info',
          text: `You left the course at “${lesson.title}”. Your code there and your progress are kept.`,
          action: { label: 'Back to the lesson', run: () => open(id) },
        });
      }
      leave();
      openExample(exampleId);
    },
    [active, lesson, show, leave, open, openExample],
  );
}
