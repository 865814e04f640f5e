import type { ConsoleLine } from './consoleTypes';

/** Lines the Console keeps in memory; past this the oldest are dropped (and counted). */
export const MAX_CONSOLE_LINES = 250_000;

/**
 * Every console line of the session (up to {@link MAX_CONSOLE_LINES}), oldest first, for
 * views that page through lines no longer in the live window. Read-only to panels.
 */
export interface ConsoleHistory {
  /** Lines held: indices [0, size). */
  readonly size: number;
  /** Lines dropped from the front because more than the maximum were appended. */
  readonly dropped: number;
  /** Lines [from, to) (clamped), oldest first; a copy of at most to − from lines. */
  slice(from: number, to: number): ConsoleLine[];
  /** Index of the line with this id, or −1 (ids grow with every append). */
  indexOf(id: number): number;
}

/** A {@link ConsoleHistory} the owner appends to. */
export interface ConsoleBuffer extends ConsoleHistory {
  push(lines: readonly ConsoleLine[]): void;
  clear(): void;
}

/**
 * Append-only line store: amortised O(1) per line, and a flood never copies what it
 * already holds (the live window is a `slice` of the tail). Dropping the oldest lines
 * advances a head index and compacts only when half the array is dead, so trimming stays
 * O(1) amortised as well.
 */
export function createConsoleBuffer(max = MAX_CONSOLE_LINES): ConsoleBuffer {
  let items: ConsoleLine[] = [];
  let head = 0;
  let dropped = 0;
  const size = () => items.length - head;
  return {
    get size() {
      return size();
    },
    get dropped() {
      return dropped;
    },
    push(lines) {
      for (const line of lines) items.push(line);
      const over = size() - max;
      if (over > 0) {
        head += over;
        dropped += over;
        if (head > items.length / 2) {
          items = items.slice(head);
          head = 0;
        }
      }
    },
    slice(from, to) {
      const a = Math.max(0, Math.min(from, size()));
      const b = Math.max(a, Math.min(to, size()));
      return items.slice(head + a, head + b);
    },
    indexOf(id) {
      // Binary search: ids are increasing (not necessarily contiguous).
      let lo = head;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid]!.id < id) lo = mid + 1;
        else hi = mid;
      }
      return lo < items.length && items[lo]!.id === id ? lo - head : -1;
    },
    clear() {
      items = [];
      head = 0;
      dropped = 0;
    },
  };
}
