import { startTransition, useCallback, useRef, useState } from 'react';
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
 * Least time between two renders of the live window while lines keep arriving. Each
 * render replaces up to LIVE_LINES lines in the page (a flood prints more than that per
 * frame), so rendering per frame spent most of the main thread on lines nobody could read
 * before they scrolled away. The first line after a quiet spell still shows at once.
 */
export const CONSOLE_RENDER_MS = 100;

/**
 * Console lines with appends batched: every line goes into the history at the next
 * animation frame (so counts and paging see it), and the live window re-renders at most
 * every CONSOLE_RENDER_MS, as a transition (React renders it in slices that yield to
 * input and frames). React state holds only the live window, so a render's work is bounded
 * by LIVE_LINES however many lines arrived.
 */
export function useConsoleLog(live = LIVE_LINES, minMs = CONSOLE_RENDER_MS): ConsoleLog {
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const history = useRef(createConsoleBuffer()).current;
  const pending = useRef<ConsoleLine[]>([]);
  const scheduled = useRef(false);
  const nextId = useRef(1);
  const lastRender = useRef(-Infinity);
  const renderTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const render = useCallback(() => {
    renderTimer.current = undefined;
    lastRender.current = performance.now();
    // Read the tail when the update is made: whatever arrived by then is in it.
    const tail = history.slice(history.size - live, history.size);
    startTransition(() => setLines(tail));
  }, [history, live]);

  const flush = useCallback(() => {
    scheduled.current = false;
    // Take the batch outside the updater: React may call updaters twice in strict mode.
    const batch = pending.current;
    pending.current = [];
    if (batch.length === 0) return;
    history.push(batch);
    if (renderTimer.current !== undefined) return;
    const wait = lastRender.current + minMs - performance.now();
    if (wait <= 0) render();
    else renderTimer.current = setTimeout(render, wait);
  }, [history, minMs, render]);

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
    clearTimeout(renderTimer.current);
    renderTimer.current = undefined;
    history.clear();
    setLines([]);
  }, [history]);

  return { lines, history, append, clear };
}
