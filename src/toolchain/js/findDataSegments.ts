// Turns a live linear memory into the data segments that recreate it: runs of non-zero bytes,
// split at zero runs long enough that a new segment header (~5 bytes) is cheaper than the zeros.
import type { DataSegment } from './rewriteSnapshot';
import { scanNonZeroRuns } from './scanNonZeroRuns';

/** Zero runs of at least this many whole words end a segment. */
const MIN_ZERO_WORDS = 4;
/** Same headroom as Wizer: engines limit the segment count (V8: 100 000). */
const MAX_DATA_SEGMENTS = 10_000;

/**
 * Finds the non-zero regions of `memory` (a view of the whole memory, length a multiple of 4).
 * Each segment's `data` is a view of `memory`: valid until the instance runs again.
 */
export function findDataSegments(memory: Uint8Array, memoryIndex: number, wasmMemory?: WebAssembly.Memory): DataSegment[] {
  // The engine's memory itself, when given, is scanned in WebAssembly (scanNonZeroRuns.ts).
  const ranges = (wasmMemory?.buffer === memory.buffer && memory.byteOffset === 0 && scanNonZeroRuns(wasmMemory!, memory.length, MIN_ZERO_WORDS * 4)) || scanInJs(memory);
  for (const r of ranges) {
    // Trim zero bytes inside the first and last words.
    while (memory[r[0]] === 0) r[0]++;
    while (memory[r[1] - 1] === 0) r[1]--;
  }
  mergeExcess(ranges);
  // Views, not copies: the caller writes them into the data section at once (snapshotModule),
  // and copying megabytes of segments out first doubled the cost of every snapshot.
  return ranges.map(([start, end]) => ({ memoryIndex, offset: start, data: memory.subarray(start, end) }));
}

/** The word-aligned non-zero runs of `memory`, split at zero runs of MIN_ZERO_WORDS or more. */
function scanInJs(memory: Uint8Array): Array<[number, number]> {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, memory.length >>> 2);
  const ranges: Array<[number, number]> = [];
  const n = words.length;
  let i = 0;
  while (i < n) {
    while (i < n && words[i] === 0) i++;
    if (i >= n) break;
    const startWord = i;
    let end = i;
    while (end < n) {
      if (words[end] !== 0) {
        end++;
        continue;
      }
      let k = end;
      while (k < n && words[k] === 0) k++;
      if (k - end >= MIN_ZERO_WORDS || k >= n) break;
      end = k;
    }
    ranges.push([startWord * 4, end * 4]);
    i = end;
  }
  return ranges;
}

/** Merges the segments separated by the smallest gaps until at most MAX_DATA_SEGMENTS remain. */
function mergeExcess(ranges: Array<[number, number]>): void {
  const excess = ranges.length - MAX_DATA_SEGMENTS;
  if (excess <= 0) return;
  const gaps = ranges.slice(1).map((r, idx) => ({ gap: r[0] - ranges[idx]![1], idx }));
  gaps.sort((a, b) => a.gap - b.gap);
  const mergeAfter = new Set(gaps.slice(0, excess).map((g) => g.idx));
  const merged: Array<[number, number]> = [];
  ranges.forEach((r, idx) => {
    const last = merged[merged.length - 1];
    if (last && mergeAfter.has(idx - 1)) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  });
  ranges.length = 0;
  for (const r of merged) ranges.push(r);
}
