import { useCallback } from 'react';
import type { Example } from '../../src/index';
import { confirmLessonReset } from '../learn/confirmLessonReset';
import type { Learn } from '../learn/useLearn';
import { confirmReset } from './confirmReset';
import type { WorkspaceState } from './useWorkspace';

/**
 * Reset, from the header or the lesson: after asking (unless nothing would be lost), the
 * original code goes back into the editors and whatever the discarded code started stops.
 * Handlers that Run left serving kept answering the room with the discarded code, and its
 * error markers kept pointing into code that was gone; an example nobody had edited was not
 * even changed, so nothing downstream noticed the Reset at all.
 */
export function useResetSources(learn: Learn, ws: Pick<WorkspaceState, 'workspace' | 'reset'>, example: Example, stopRun: () => void): () => void {
  return useCallback(() => {
    const done = learn.active ? confirmLessonReset(learn) : confirmReset(ws.workspace, example) && (ws.reset(), true);
    if (done) stopRun();
  }, [learn, ws, example, stopRun]);
}
