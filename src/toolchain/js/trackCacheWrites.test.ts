import { afterEach, describe, expect, it } from 'vitest';
import { holdCacheWrite, setEngineSavingListener, trackCacheWrite, type EngineSaving } from './trackCacheWrites';

describe('cache writes kept for the next visit', () => {
  afterEach(() => setEngineSavingListener(undefined));

  it('says "saving" at once, and "saved" with the stored bytes only when the last write in flight ended', async () => {
    const seen: EngineSaving[] = [];
    setEngineSavingListener((s) => seen.push(s));
    let finishSplice!: (v: string | undefined) => void;
    const splice = trackCacheWrite(10, () => new Promise<string | undefined>((r) => (finishSplice = r)), (v) => v !== undefined);
    const release = holdCacheWrite(0);
    // Both started synchronously: the page hears of them before anything posted afterwards.
    expect(seen).toEqual([
      { saving: true, bytes: 10 },
      { saving: true, bytes: 10 },
    ]);
    const build = trackCacheWrite(5, () => Promise.resolve(false), (v) => v);
    release(0);
    await build;
    expect(seen.at(-1)).toEqual({ saving: true, bytes: 15 });
    finishSplice('stored');
    await splice;
    // The skipped write (false) counts no bytes; the stored one counts its own.
    expect(seen.at(-1)).toEqual({ saving: false, bytes: 10 });
  });

  it('ends a failed write too (0 bytes), and passes its error on', async () => {
    const seen: EngineSaving[] = [];
    setEngineSavingListener((s) => seen.push(s));
    await expect(trackCacheWrite(7, () => Promise.reject(new Error('quota')), () => true)).rejects.toThrow('quota');
    expect(seen).toEqual([
      { saving: true, bytes: 7 },
      { saving: false, bytes: 0 },
    ]);
  });

  it('ignores a second release of the same hold', () => {
    const seen: EngineSaving[] = [];
    setEngineSavingListener((s) => seen.push(s));
    const a = holdCacheWrite(1);
    const b = holdCacheWrite(2);
    a(1);
    a(1);
    expect(seen.at(-1)).toEqual({ saving: true, bytes: 3 });
    b(2);
    expect(seen.at(-1)).toEqual({ saving: false, bytes: 3 });
  });
});
