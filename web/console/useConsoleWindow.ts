import { useCallback, useState } from 'react';
import type { ConsoleHistory } from './createConsoleBuffer';
import type { ConsoleLine } from './consoleTypes';

/** Lines a paged (not live) window shows; paging moves it by half of this. */
export const PAGE_LINES = 500;

/** What the Console shows: the live tail, or a frozen page of the history. */
export interface ConsoleWindow {
  lines: readonly ConsoleLine[];
  /** Following the newest lines (the live window). */
  live: boolean;
  /** Lines before / after the shown ones that the history still holds. */
  before: number;
  after: number;
  /** Lines ever printed (held + dropped past the maximum). */
  total: number;
  /** Lines dropped from the front past the history's maximum (not reachable). */
  dropped: number;
  earlier(): void;
  later(): void;
  first(): void;
  /** Back to the live tail. */
  follow(): void;
  /** Stops following: a page ending with the lines shown now (the user scrolled up to read). */
  freeze(): void;
}

/**
 * The lines shown: the live tail (its newest `liveLimit` lines) while `firstId` is
 * undefined, else the page of PAGE_LINES starting at that line (at the oldest held line
 * if it was dropped since). `start` is the index of the first shown line in the history.
 */
export function windowOf(liveLines: readonly ConsoleLine[], history: ConsoleHistory | undefined, firstId: number | undefined, liveLimit = Infinity): { start: number; lines: readonly ConsoleLine[]; live: boolean } {
  const held = history?.size ?? liveLines.length;
  // Cleared since (nothing held): follow again.
  if (!history || firstId === undefined || history.size === 0) {
    const tail = liveLines.length > liveLimit ? liveLines.slice(liveLines.length - liveLimit) : liveLines;
    return { start: held - tail.length, lines: tail, live: true };
  }
  const start = Math.max(0, history.indexOf(firstId));
  return { start, lines: history.slice(start, start + PAGE_LINES), live: false };
}

/**
 * Pages through the console history without ever laying out more than PAGE_LINES (or the
 * live window, cut to `liveLimit` lines: what the panel's height shows) at once. A frozen window is kept by its first line's id, so lines dropped
 * from the front or appended at the end never move what the user is reading.
 */
export function useConsoleWindow(liveLines: readonly ConsoleLine[], history: ConsoleHistory | undefined, liveLimit = Infinity): ConsoleWindow {
  const [firstId, setFirstId] = useState<number | undefined>(undefined);
  const held = history?.size ?? liveLines.length;
  const dropped = history?.dropped ?? 0;
  const { start, lines, live } = windowOf(liveLines, history, firstId, liveLimit);
  const moveTo = useCallback(
    (index: number) => {
      if (!history) return;
      const s = Math.max(0, Math.min(index, history.size - 1));
      // Paging past the newest full page is the live tail again.
      if (s + PAGE_LINES >= history.size) setFirstId(undefined);
      else setFirstId(history.slice(s, s + 1)[0]?.id);
    },
    [history],
  );
  const freezeAt = useCallback(
    (index: number) => {
      if (history) setFirstId(history.slice(index, index + 1)[0]?.id);
    },
    [history],
  );
  return {
    lines,
    live,
    before: start,
    after: held - start - lines.length,
    total: held + dropped,
    dropped,
    earlier: () => freezeAt(Math.max(0, start - PAGE_LINES / 2)),
    later: () => moveTo(start + PAGE_LINES / 2),
    first: () => freezeAt(0),
    follow: () => setFirstId(undefined),
    // The page ends where the live window ends: the lines on screen stay (same chunks, so
    // scroll anchoring keeps them in place) with more earlier ones above.
    freeze: () => (live && lines.length > 0 ? freezeAt(Math.max(0, start + lines.length - PAGE_LINES)) : undefined),
  };
}
