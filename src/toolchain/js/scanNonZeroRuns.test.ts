import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { findDataSegments } from './findDataSegments';
import { SCAN_WASM_BASE64 } from './scanNonZeroRuns';

/** A memory of `pages` pages with runs of random bytes at random places (seeded, reproducible). */
function randomMemory(seed: number, pages: number): WebAssembly.Memory {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const memory = new WebAssembly.Memory({ initial: pages });
  const bytes = new Uint8Array(memory.buffer);
  for (let runs = 0; runs < 400; runs++) {
    const at = Math.floor(rand() * bytes.length);
    const len = Math.floor(rand() * (rand() < 0.5 ? 8 : 300));
    for (let i = at; i < Math.min(bytes.length, at + len); i++) bytes[i] = rand() < 0.8 ? 1 + Math.floor(rand() * 255) : 0;
  }
  if (seed % 2) bytes[bytes.length - 1] = 7; // a run touching the end
  if (seed % 3 === 0) bytes[0] = 3; // and the start
  return memory;
}

const plain = (segs: ReturnType<typeof findDataSegments>) => segs.map((s) => [s.offset, Buffer.from(s.data).toString('hex')]);

describe('scanNonZeroRuns', () => {
  it('is scanNonZeroRuns.wat assembled', async () => {
    const wat = readFileSync(new URL('./scanNonZeroRuns.wat', import.meta.url), 'utf8');
    expect(Buffer.from(await parse(wat)).toString('base64')).toBe(SCAN_WASM_BASE64);
  });

  it('finds the same data segments as the JS scan', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const memory = randomMemory(seed, 1 + (seed % 4));
      const live = new Uint8Array(memory.buffer);
      const inWasm = findDataSegments(live, 0, memory);
      const inJs = findDataSegments(live, 0);
      expect(inWasm.length).toBeGreaterThan(10);
      expect(plain(inWasm)).toEqual(plain(inJs));
    }
  });

  it('handles an all-zero memory and one without zeros', () => {
    const zero = new WebAssembly.Memory({ initial: 1 });
    expect(findDataSegments(new Uint8Array(zero.buffer), 0, zero)).toEqual([]);
    const full = new WebAssembly.Memory({ initial: 1 });
    new Uint8Array(full.buffer).fill(9);
    expect(plain(findDataSegments(new Uint8Array(full.buffer), 0, full))).toEqual([[0, '09'.repeat(65536)]]);
  });
});
