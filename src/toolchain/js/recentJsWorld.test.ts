import { afterEach, describe, expect, it, vi } from 'vitest';

/** Cache Storage as far as recentJsWorld uses it: named caches of url → JSON text. */
function fakeCaches() {
  const stores = new Map<string, Map<string, string>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, string>();
    stores.set(name, store);
    return {
      put: async (url: string, res: Response) => void store.set(url, await res.text()),
      match: async (url: string) => (store.has(url) ? new Response(store.get(url)) : undefined),
    };
  };
  return { stores, caches: { open, has: async (name: string) => stores.has(name) } };
}

async function load() {
  vi.resetModules();
  return import('./recentJsWorld');
}

describe('recentJsWorld (the hint a returning visit reads its last JS world from)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('recalls the world of the last JS build, in another worker of the same origin', async () => {
    const fake = fakeCaches();
    vi.stubGlobal('caches', fake.caches);
    await (await load()).rememberJsWorld({ wit: 'package a:b; world w { export run: func(); }', world: 'w' });
    // A new page: a new worker, nothing in memory.
    expect(await (await load()).recallJsWorld()).toEqual({ wit: 'package a:b; world w { export run: func(); }', world: 'w' });
  });

  it('keeps only the newest world, and nothing of the guest', async () => {
    const fake = fakeCaches();
    vi.stubGlobal('caches', fake.caches);
    const m = await load();
    await m.rememberJsWorld({ wit: 'first' });
    await m.rememberJsWorld({ wit: 'second' });
    expect(await m.recallJsWorld()).toEqual({ wit: 'second', world: undefined });
    const stored = [...fake.stores.values()].flatMap((s) => [...s.values()]);
    expect(stored).toHaveLength(1);
    expect(Object.keys(JSON.parse(stored[0]!)).sort()).toEqual(['at', 'toolchain', 'wit']);
  });

  it('forgets a world not built for two weeks, and never answers without a stored hint', async () => {
    const fake = fakeCaches();
    vi.stubGlobal('caches', fake.caches);
    const m = await load();
    expect(await m.recallJsWorld()).toBeUndefined();
    await m.rememberJsWorld({ wit: 'old' });
    expect(await m.recallJsWorld(Date.now() + 15 * 24 * 3600 * 1000)).toBeUndefined();
  });

  it('does nothing where there is no Cache Storage (plain http)', async () => {
    vi.stubGlobal('caches', undefined);
    const m = await load();
    await m.rememberJsWorld({ wit: 'x' });
    expect(await m.recallJsWorld()).toBeUndefined();
  });
});
