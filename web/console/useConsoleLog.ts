import { useCallback, useRef, useState } from 'react';
import type { ConsoleLine } from './consoleTypes';

/** Most lines one frame adds to the Console (the rest follow in the next frames). */
export const LINES_PER_FRAME = 200;

/** Console state plus batched appends. */
export interface ConsoleLog {
  lines: ConsoleLine[];
  append(line: Omit<ConsoleLine, 'id'>): void;
  clear(): void;
}

/**
 * Console lines with appends batched to one React update per animation frame: a guest
 * printing in a loop must not re-render the app per line. Keeps the last `limit` lines.
 */
export function useConsoleLog(limit = 5000): ConsoleLog {
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const pending = useRef<ConsoleLine[]>([]);
  const scheduled = useRef(false);
  const nextId = useRef(1);

  const schedule = useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flushRef.current());
    else setTimeout(() => flushRef.current(), 0);
  }, []);
  const flushRef = useRef<() => void>(() => {});

  const flush = useCallback(() => {
    scheduled.current = false;
    // Take the batch outside the updater: React may call updaters twice in strict mode.
    // Lines past the kept `limit` would be trimmed at once; the rest go in slices of
    // LINES_PER_FRAME, one per frame: laying out thousands of new lines in one task was
    // the Console's long task under a flood. Order is kept and no kept line is skipped.
    if (pending.current.length > limit) pending.current = pending.current.slice(pending.current.length - limit);
    const batch = pending.current.slice(0, LINES_PER_FRAME);
    pending.current = pending.current.slice(batch.length);
    if (pending.current.length) schedule();
    if (batch.length === 0) return;
    setLines((prev) => {
      const all = prev.concat(batch);
      return all.length > limit ? all.slice(all.length - limit) : all;
    });
  }, [limit, schedule]);
  flushRef.current = flush;

  const append = useCallback(
    (line: Omit<ConsoleLine, 'id'>) => {
      pending.current.push({ ...line, id: nextId.current++ });
      schedule();
    },
    [schedule],
  );

  const clear = useCallback(() => {
    pending.current = [];
    setLines([]);
  }, []);

  return { lines, append, clear };
}
