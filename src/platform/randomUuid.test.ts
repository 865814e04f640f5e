import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUuid } from './randomUuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every .ts/.tsx file under `dir` (tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('randomUuid', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes distinct v4 UUIDs across refills of its random pool, one getRandomValues call per 256', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const ids = new Set(Array.from({ length: 1000 }, () => randomUuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(V4);
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(4);
    spy.mockRestore();
  });

  it('spells its 16 random bytes in order as hex, with the version and variant bits set', async () => {
    vi.resetModules();
    const fresh = (await import('./randomUuid')).randomUuid;
    const byte = (i: number) => (i * 37 + 11) & 255;
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(((a: Uint8Array) => {
      for (let i = 0; i < a.length; i++) a[i] = byte(i);
      return a;
    }) as typeof crypto.getRandomValues);
    for (const first of [0, 16]) {
      const b = Array.from({ length: 16 }, (_, i) => byte(first + i));
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
      expect(fresh()).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
    }
    spy.mockRestore();
  });

  it('still makes distinct v4 UUIDs on an insecure origin (no randomUUID)', () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    expect(globalThis.crypto.randomUUID).toBeUndefined();
    const ids = new Set(Array.from({ length: 100 }, () => randomUuid()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(V4);
  });

  it('is the only caller of secure-context-only crypto in the app', () => {
    const offenders = [...sources('src'), ...sources('web')].filter((f) => !f.endsWith('randomUuid.ts') && /crypto\.(randomUUID|subtle)\b/.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });
});
