import { useCallback, useRef, useState } from 'react';
import { createConsoleBuffer, type ConsoleHistory } from './createConsoleBuffer';
import type { ConsoleLine } from './consoleTypes';

/**
 * Lines the Console keeps in the page while following (the live window): a few screens.
 * Every line stays reachable through the history (scrolling up pages through it); only
 * these are laid out while new ones arrive, so a frame's layout is bounded however fast a
 * flood prints. With 5,000 lines in the DOM, layout, style and paint cost ~140 µs of
 * main-thread CPU per printed line and a frame after a busy spell relaid out thousands.
 */
export const LIVE_LINES = 150;

/** Console state plus batched appends. */
export interface ConsoleLog {
  /** The newest lines (at most LIVE_LINES), oldest first. */
  lines: ConsoleLine[];
  /** Every line (up to MAX_CONSOLE_LINES), for paging back past the live window. */
  history: ConsoleHistory;
  append(line: Omit<ConsoleLine, 'id'>): void;
  clear(): void;
}

/**
 * Console lines with appends batched to one React update per animation frame: a guest
 * printing in a loop must not re-render the app per line. All lines go to the history;
 * React state holds only the live window, so a frame's work is bounded by LIVE_LINES
 * however many lines arrived.
 */
export function useConsoleLog(live = LIVE_LINES): ConsoleLog {
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const history = useRef(createConsoleBuffer()).current;
  const pending = useRef<ConsoleLine[]>([]);
  const scheduled = useRef(false);
  const nextId = useRef(1);

  const flush = useCallback(() => {
    scheduled.current = false;
    // Take the batch outside the updater: React may call updaters twice in strict mode.
    const batch = pending.current;
    pending.current = [];
    if (batch.length === 0) return;
    history.push(batch);
    setLines(history.slice(history.size - live, history.size));
  }, [history, live]);

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
    history.clear();
    setLines([]);
  }, [history]);

  return { lines, history, append, clear };
}
