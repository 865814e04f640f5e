import { useCallback, useEffect, useRef, useState } from 'react';
import { applyChanges, mergeProgress, sameSources, type ProgressChange } from './mergeProgress';
import { openProgressChannel, type ProgressChannel } from './learnChannels';
import { emptyProgress, readStoredProgress, updateProgress, type LessonProgress } from './progressStore';

/** The course progress this tab shows, kept in step with IndexedDB and with the other tabs. */
export interface LessonProgressSync {
  progress: Record<string, LessonProgress>;
  /** Lessons whose code another tab changed since this tab last changed it (a notice says so). */
  changedElsewhere: Record<string, true>;
  /** The records read from IndexedDB at start; this tab's changes made meanwhile stay on top. */
  adoptLoaded(stored: Record<string, LessonProgress>): void;
  /**
   * Changes a lesson in this tab now and stores the change after `delay` ms (typing) or at
   * once. Changes must be idempotent (set a value, never add to one): until its write is
   * confirmed a change is applied again over every newer record this tab adopts.
   */
  patch(id: string, change: ProgressChange, delay?: number): void;
  dismissChangedElsewhere(id: string): void;
}

/**
 * A lesson's record is one per browser, shared by every tab. A tab writes only its changes,
 * applied to the stored record in one transaction (never its whole copy, which may be
 * older than another tab's write), then tells the other tabs, which re-read the record:
 * a pass in one tab shows in all of them at once, and the code is the last edit made in any.
 */
export function useLessonProgress(onError: (text: string) => void): LessonProgressSync {
  const [progress, setProgress] = useState<Record<string, LessonProgress>>({});
  const [changedElsewhere, setChangedElsewhere] = useState<Record<string, true>>({});
  const shown = useRef(progress);
  // Changes not yet confirmed by their write, in order; `sent` of them are being written.
  const unconfirmed = useRef(new Map<string, { changes: ProgressChange[]; sent: number }>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const channel = useRef<ProgressChannel | undefined>(undefined);
  useEffect(() => {
    shown.current = progress;
  }, [progress]);

  const mine = (id: string) => unconfirmed.current.get(id)?.changes ?? [];
  // A newer record replaces this tab's copy, with this tab's unconfirmed changes on top.
  const adopt = useCallback((id: string, stored: LessonProgress) => setProgress((all) => ({ ...all, [id]: applyChanges(stored, mine(id)) })), []);

  const flush = useCallback(
    (id: string) => {
      clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      const queue = unconfirmed.current.get(id);
      if (!queue || queue.sent === queue.changes.length) return;
      const batch = queue.changes.slice(queue.sent);
      queue.sent = queue.changes.length;
      // Writes of one store commit in the order they began, so they are confirmed in order.
      const confirm = () => {
        queue.changes.splice(0, batch.length);
        queue.sent -= batch.length;
        if (!queue.changes.length) unconfirmed.current.delete(id);
      };
      void updateProgress(id, (p) => applyChanges(p, batch)).then(
        (stored) => {
          confirm();
          adopt(id, stored);
          channel.current?.announce(id);
        },
        (e) => {
          confirm();
          onError(`Progress could not be saved: ${String(e)}`);
        },
      );
    },
    [adopt, onError],
  );

  useEffect(() => {
    const ch = openProgressChannel((id) => {
      void readStoredProgress(id).then((stored) => {
        if (!stored) return;
        const next = applyChanges(stored, mine(id));
        if (!sameSources(shown.current[id]?.sources, next.sources)) setChangedElsewhere((c) => ({ ...c, [id]: true }));
        adopt(id, stored);
      });
    });
    channel.current = ch;
    // Typing waits for a pause before it is stored; a closing tab stores it at once.
    const flushAll = () => [...timers.current.keys()].forEach(flush);
    addEventListener('pagehide', flushAll);
    return () => {
      removeEventListener('pagehide', flushAll);
      ch.close();
      if (channel.current === ch) channel.current = undefined;
    };
  }, [adopt, flush]);

  const patch = useCallback<LessonProgressSync['patch']>(
    (id, change, delay = 0) => {
      const queue = unconfirmed.current.get(id) ?? { changes: [], sent: 0 };
      queue.changes.push(change);
      unconfirmed.current.set(id, queue);
      setProgress((all) => ({ ...all, [id]: change(all[id] ?? emptyProgress()) }));
      // One timer per lesson, so switching lessons while typing loses nothing.
      clearTimeout(timers.current.get(id));
      if (delay) timers.current.set(id, setTimeout(() => flush(id), delay));
      else flush(id);
    },
    [flush],
  );

  const adoptLoaded = useCallback((stored: Record<string, LessonProgress>) => {
    setProgress((now) => {
      const next = { ...stored };
      for (const [id, p] of Object.entries(now)) {
        const queue = mine(id);
        // Anything already in `now` without pending changes was read later than `stored`.
        next[id] = queue.length ? applyChanges(stored[id] ?? emptyProgress(), queue) : mergeProgress(stored[id], p);
      }
      return next;
    });
  }, []);

  const dismissChangedElsewhere = useCallback(
    (id: string) =>
      setChangedElsewhere((c) => {
        if (!c[id]) return c;
        const rest = { ...c };
        delete rest[id];
        return rest;
      }),
    [],
  );

  return { progress, changedElsewhere, adoptLoaded, patch, dismissChangedElsewhere };
}
