import { useCallback, useRef, useState } from 'react';
import type { ConsoleLine } from './consoleTypes';

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

  const flush = useCallback(() => {
    scheduled.current = false;
    // Take the batch outside the updater: React may call updaters twice in strict mode.
    const batch = pending.current;
    pending.current = [];
    if (batch.length === 0) return;
    setLines((prev) => {
      const all = prev.concat(batch);
      return all.length > limit ? all.slice(all.length - limit) : all;
    });
  }, [limit]);

  const append = useCallback(
    (line: Omit<ConsoleLine, 'id'>) => {
      pending.current.push({ ...line, id: nextId.current++ });
      if (scheduled.current) return;
      scheduled.current = true;
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
      else setTimeout(flush, 0);
    },
    [flush],
  );

  const clear = useCallback(() => {
    pending.current = [];
    setLines([]);
  }, []);

  return { lines, append, clear };
}
