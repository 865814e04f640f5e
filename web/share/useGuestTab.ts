import { useCallback, useEffect, useRef, useState } from 'react';
import type { Workspace } from '../../src/index';

/** The guest tab in the editors, and how a share link asks for one. */
export interface GuestTab {
  /** Index of the guest tab the user is on (may exceed the guest count; callers clamp). */
  active: number;
  select(index: number): void;
  /**
   * Opens tab `index` once `workspace` is in the editors: a shared link opens on the guest
   * its sender was editing, not on the first one.
   */
  openOn(workspace: Workspace, index: number): void;
}

/**
 * Owns the guest tab. A new example (or lesson) starts on its first guest, except when the
 * workspace that brought it is a share link naming another tab. `shown` is the workspace in
 * the editors, `example` changes whenever another example or lesson is opened.
 */
export function useGuestTab(example: unknown, shown: Workspace, onExampleChange: () => void, initial?: { workspace: Workspace; index: number }): GuestTab {
  const [active, setActive] = useState(0);
  // A request waits for its workspace: opening a link is async, and the example switch resets the tab.
  const pending = useRef(initial);
  const shownRef = useRef(shown);
  shownRef.current = shown;

  useEffect(() => {
    const want = pending.current;
    setActive(want && want.workspace === shownRef.current ? want.index : 0);
    if (want?.workspace === shownRef.current) pending.current = undefined;
    onExampleChange();
  }, [example, onExampleChange]);

  // A link to the example that is already open: no example change, so apply it when it shows.
  useEffect(() => {
    const want = pending.current;
    if (want && want.workspace === shown) {
      pending.current = undefined;
      setActive(want.index);
    }
  }, [shown]);

  const openOn = useCallback((workspace: Workspace, index: number) => void (pending.current = { workspace, index }), []);
  return { active, select: setActive, openOn };
}
