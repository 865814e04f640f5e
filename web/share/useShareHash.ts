import { useEffect, useRef, useState } from 'react';
import { exampleRecordId, getAppStore } from '../state/appWorkspaces';
import type { Workspace } from '../../src/index';
import type { Notices } from '../state/useNotices';
import type { WorkspaceState } from '../state/useWorkspace';
import { damagedLinkText, type HashRequest } from './readShareHash';
import { readShareHashOffThread } from './readShareHashOffThread';

const NOTICE = 'share-link';

/**
 * Share links after startup: shows the damaged-link message for the first hash, opens
 * links pasted into the address bar later (hashchange), tells the user their own workspace
 * is untouched (opening on the guest tab the link names), and drops the hash once the shared copy is saved or left — so a reload
 * then shows the user's own work instead of the original link again.
 */
export function useShareHash(ws: WorkspaceState, first: HashRequest, notices: Notices, persist: boolean, openOnGuest?: (workspace: Workspace, index: number) => void): void {
  const { show, dismiss } = notices;
  const loadedHash = useRef(first.kind === 'share' ? location.hash : undefined);
  const { open, origin, recordId, example } = ws;

  useEffect(() => {
    if (first.kind === 'damaged') show({ id: NOTICE, kind: 'error', text: damagedLinkText(first.message) });
  }, [first, show]);

  useEffect(() => {
    const onHash = () => void readShareHashOffThread(location.hash).then((req) => onRequest(req));
    const onRequest = (req: HashRequest) => {
      if (req.kind === 'damaged') show({ id: NOTICE, kind: 'error', text: damagedLinkText(req.message) });
      if (req.kind !== 'share') return;
      loadedHash.current = location.hash;
      openOnGuest?.(req.request.workspace, req.activeGuest);
      void open(req.request);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [open, show, openOnGuest]);

  const unsavedShare = origin === 'share' && recordId === undefined;
  // A fresh browser has no workspace of its own to reassure about: say so only when one exists.
  const [ownCopy, setOwnCopy] = useState<boolean>();
  useEffect(() => {
    if (!persist || !unsavedShare) return;
    let live = true;
    setOwnCopy(undefined);
    getAppStore()
      .then((store) => store.load(exampleRecordId(example.id)))
      .then((record) => live && setOwnCopy(record !== undefined))
      .catch(() => live && setOwnCopy(false));
    return () => void (live = false);
  }, [persist, unsavedShare, example.id]);
  useEffect(() => {
    if (!persist) return;
    if (unsavedShare) {
      if (ownCopy === undefined) return;
      show({
        id: NOTICE,
        kind: 'info',
        text: ownCopy
          ? `You opened a shared workspace. Your own "${example.title}" workspace is unchanged; edits here are saved as a separate workspace.`
          : 'You opened a shared workspace. Edits here are saved in this browser as a separate workspace.',
        ...(ownCopy ? { action: { label: 'Open my workspace', run: () => void open({ kind: 'example', id: example.id }) } } : {}),
      });
      return;
    }
    if (loadedHash.current === undefined) return;
    if (location.hash === loadedHash.current) history.replaceState(null, '', location.pathname + location.search);
    loadedHash.current = undefined;
    dismiss(NOTICE);
  }, [unsavedShare, ownCopy, persist, example, open, show, dismiss]);
}
