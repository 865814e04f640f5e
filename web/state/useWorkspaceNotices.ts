import { useEffect } from 'react';
import type { Notices } from './useNotices';
import type { WorkspaceState } from './useWorkspace';

/** Shown when IndexedDB refuses a write because the disk/quota is full. */
export const QUOTA_TEXT = 'Browser storage is full — your last saved version is kept. Delete old workspaces (Workspaces menu) or export this one as a file to free space.';

/** Mirrors the workspace's save/load problems into the notice bar (and clears them once fixed). */
export function useWorkspaceNotices(ws: WorkspaceState, notices: Notices): void {
  const { show, dismiss } = notices;
  const { saveError, loadError } = ws;
  useEffect(() => {
    if (!saveError) return dismiss('storage');
    show({ id: 'storage', kind: saveError.kind === 'quota' ? 'warn' : 'error', text: saveError.kind === 'quota' ? QUOTA_TEXT : `Not saved: ${saveError.message}` });
  }, [saveError, show, dismiss]);
  useEffect(() => {
    if (!loadError) return dismiss('load');
    show({ id: 'load', kind: 'error', text: loadError });
  }, [loadError, show, dismiss]);
}
