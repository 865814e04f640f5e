import { describe, expect, it } from 'vitest';
import { checkStopText, grewDuringCall, HEARTBEAT_STALE_MS, isMemoryFull, megabytes, memoryFullNote, saysAllocationFailed, timeLimitMessage, WASM32_MAX_BYTES, wasWatched } from './describeMemory';

const MB = 2 ** 20;

describe('describeMemory', () => {
  it('writes sizes in MB, with a decimal below 10 MB', () => {
    expect(megabytes(77.1 * MB)).toBe('77 MB');
    expect(megabytes(WASM32_MAX_BYTES)).toBe('4096 MB');
    expect(megabytes(65536)).toBe('0.1 MB');
    expect(megabytes(9.1 * MB)).toBe('9.1 MB');
  });

  it('calls a memory full when not one more page fits', () => {
    expect(isMemoryFull({ bytes: WASM32_MAX_BYTES, maxBytes: WASM32_MAX_BYTES })).toBe(true);
    expect(isMemoryFull({ bytes: WASM32_MAX_BYTES - 65536, maxBytes: WASM32_MAX_BYTES })).toBe(false);
    expect(isMemoryFull({ bytes: MB, maxBytes: MB })).toBe(true);
  });

  it("names the limit a full memory met: the 4 GiB of every guest, or its module's own maximum", () => {
    expect(memoryFullNote({ bytes: WASM32_MAX_BYTES, maxBytes: WASM32_MAX_BYTES })).toBe('its memory was full (4096 MB, the most a guest\'s memory can have; memory.grow returns -1 there): if it asked for more, it ran out of memory');
    expect(memoryFullNote({ bytes: MB, maxBytes: MB })).toMatch(/^its memory was full \(1 MB, the maximum its module declares;/);
  });

  it('keeps the infinite-loop hint for a guest stopped with its memory watched and steady', () => {
    const plain = 'Stopped: "run" ran longer than the 5000 ms time limit (infinite loop?). The worker was terminated. Writes it made before the stop stay stored; nothing is rolled back.';
    expect(timeLimitMessage('run', 5000, { bytes: 9 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB, watched: true })).toBe(plain);
    // A loop that made 10 MB of scratch space at its start is still a loop.
    expect(timeLimitMessage('run', 5000, { bytes: 19 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB, watched: true })).toBe(plain);
  });

  it('tells a guest still printing or calling hosts at the stop the limit and where to raise it, not "infinite loop?" (QA #10)', () => {
    const working = { bytes: 9 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB, watched: true, working: true };
    expect(timeLimitMessage('run', 5000, working)).toBe(
      'Stopped: "run" ran longer than the 5000 ms time limit while still printing or calling hosts (working, not stuck in place): to give it longer, raise Limit (ms) in the header. The worker was terminated. Writes it made before the stop stay stored; nothing is rolled back.',
    );
    expect(checkStopText(5000, working)).toBe("stopped at the time limit (5 s) while still printing or calling hosts (working, not stuck in place): more work than the lesson's limit allows, or output without end");
    // Memory piling up is still the first thing said.
    expect(timeLimitMessage('run', 5000, { ...working, bytes: 90 * MB })).toMatch(/while its memory grew from 9 MB to 90 MB/);
  });

  it("words a stop for Check's verdict without the worker and the writes that stay stored (Check's namespace is thrown away)", () => {
    expect(checkStopText(5000, { bytes: 9 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB, watched: true })).toBe('stopped at the time limit (5 s): an infinite loop?');
    expect(checkStopText(2500)).toBe('stopped at the time limit (2500 ms) without returning: an endless loop, or more work (or data) than the limit allows');
    expect(checkStopText(5000, { bytes: 90 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB })).toMatch(/^stopped at the time limit \(5 s\) while its memory grew from 9 MB to 90 MB/);
    expect(checkStopText(5000)).not.toMatch(/rolled back|stored/);
  });

  it('does not guess "infinite loop?" when the memory could not be watched: a guest calling no host may be piling up data', () => {
    const unknown =
      'Stopped: "run" ran longer than the 5000 ms time limit without returning: an endless loop, or more work (or data) than the limit allows. The worker was terminated. Writes it made before the stop stay stored; nothing is rolled back.';
    expect(timeLimitMessage('run', 5000)).toBe(unknown);
    expect(timeLimitMessage('run', 5000, { bytes: 9 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB })).toBe(unknown);
    expect(timeLimitMessage('run', 5000, { bytes: 9 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9 * MB, watched: false })).toBe(unknown);
    expect(timeLimitMessage('run', 5000)).not.toMatch(/infinite loop/);
  });

  it('takes the memory as watched only when heard of during the stopped call, shortly before the stop', () => {
    expect(wasWatched(undefined, 5000)).toBe(false);
    expect(wasWatched(4900, 5000)).toBe(true);
    expect(wasWatched(5000 - HEARTBEAT_STALE_MS, 5000)).toBe(true);
    // Read the clock once at its start, then looped in its own code for seconds.
    expect(wasWatched(200, 5000)).toBe(false);
  });

  it('says a guest stopped while its memory piled up was heading out of memory', () => {
    const m = { bytes: 63 * MB, maxBytes: WASM32_MAX_BYTES, startBytes: 9.1 * MB };
    expect(grewDuringCall(m)).toBe(true);
    expect(timeLimitMessage('run', 5000, m)).toBe(
      'Stopped: "run" ran longer than the 5000 ms time limit while its memory grew from 9.1 MB to 63 MB (data piling up in a loop? It would have run out of memory). The worker was terminated. Writes it made before the stop stay stored; nothing is rolled back.',
    );
    expect(grewDuringCall({ bytes: 63 * MB, maxBytes: WASM32_MAX_BYTES })).toBe(false);
  });

  it("recognises Rust's failed-allocation message on stderr", () => {
    expect(saysAllocationFailed(['starting', 'memory allocation of 4294967296 bytes failed'])).toBe(true);
    expect(saysAllocationFailed(['memory allocation went fine'])).toBe(false);
  });
});
