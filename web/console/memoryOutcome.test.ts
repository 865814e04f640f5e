import { describe, expect, it } from 'vitest';
import { memoryOutcome } from './memoryOutcome';

const MB = 2 ** 20;
const FULL = { bytes: 4096 * MB, maxBytes: 4096 * MB };

describe('memoryOutcome', () => {
  it('says a stopped guest was growing only when its memory grew while the stopped call ran', () => {
    const stopped = 'Stopped: "run" ran longer than the 5000 ms time limit …';
    expect(memoryOutcome('g', { message: stopped, memory: { bytes: 300 * MB, maxBytes: 4096 * MB, startBytes: 9 * MB }, stderr: [] })).toBe('stopped: time limit, memory growing');
    expect(memoryOutcome('g', { message: stopped, memory: { bytes: 9 * MB, maxBytes: 4096 * MB, startBytes: 9 * MB }, stderr: [] })).toBeUndefined();
    expect(memoryOutcome('g', { message: stopped, stderr: [] })).toBeUndefined();
  });
  it('says a guest ran out of memory when its engine or its allocator said so', () => {
    expect(memoryOutcome('js-counter', { message: 'guest trapped: unreachable', stderr: [], outOfMemory: true })).toBe('js-counter ran out of memory');
    expect(memoryOutcome('rusty', { message: 'guest trapped: unreachable', stderr: ['memory allocation of 8589934592 bytes failed'] })).toBe('rusty ran out of memory');
  });
  it('says a wasm trap came with the memory full, and nothing of memory otherwise', () => {
    expect(memoryOutcome('counter', { message: 'guest trapped: wasm `unreachable` instruction executed — its memory was full …', memory: FULL, stderr: [] })).toBe('counter trapped with its memory full');
    expect(memoryOutcome('counter', { message: 'export returned an error: "no"', memory: FULL, stderr: [] })).toBeUndefined();
    expect(memoryOutcome('counter', { message: 'guest trapped: unreachable', memory: { bytes: MB, maxBytes: 4096 * MB }, stderr: [] })).toBeUndefined();
  });
});
