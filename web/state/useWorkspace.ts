import { useCallback, useEffect, useRef, useState } from 'react';
import type { Example, ExampleGuest } from '../../src/index';
import { applyWorkspace, type WorkspaceStore } from './workspaceStore';

const SAVE_DELAY_MS = 400;

/** The example in the editors and the user's edited copy of its guests. */
export interface WorkspaceState {
  example: Example;
  guests: ExampleGuest[];
  updateGuest(index: number, patch: Partial<Pick<ExampleGuest, 'wit' | 'source'>>): void;
  /** Drops saved edits and shows the example's original sources. */
  reset(): void;
}

const sameSources = (a: ExampleGuest[], b: ExampleGuest[]) => a.length === b.length && a.every((g, i) => g.wit === b[i].wit && g.source === b[i].source);

/**
 * Loads saved edits when the example changes and saves edits (debounced, and on page
 * hide). Edits identical to the original remove the saved copy, so later improvements
 * to an example reach users who never changed it.
 */
export function useWorkspace(store: WorkspaceStore, example: Example): WorkspaceState {
  const [guests, setGuests] = useState<ExampleGuest[]>(example.guests);
  const edited = useRef(false);
  const pending = useRef<ExampleGuest[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const current = pending.current;
    pending.current = null;
    if (!current) return;
    if (sameSources(current, example.guests)) void store.remove(example.id);
    else void store.save({ exampleId: example.id, guests: current.map(({ name, wit, source }) => ({ name, wit, source })), savedAt: Date.now() });
  }, [example, store]);

  useEffect(() => {
    let cancelled = false;
    edited.current = false;
    setGuests(example.guests);
    void store.load(example.id).then((ws) => {
      // An edit made before the saved copy arrived wins; don't clobber typing.
      if (!cancelled && !edited.current) setGuests(applyWorkspace(example.guests, ws));
    });
    return () => {
      cancelled = true;
      flush();
    };
  }, [example, store, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  const updateGuest = useCallback<WorkspaceState['updateGuest']>(
    (index, patch) => {
      edited.current = true;
      setGuests((prev) => {
        const next = prev.map((g, i) => (i === index ? { ...g, ...patch } : g));
        pending.current = next;
        return next;
      });
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  const reset = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    edited.current = true;
    void store.remove(example.id);
    setGuests(example.guests);
  }, [example, store]);

  return { example, guests, updateGuest, reset };
}
