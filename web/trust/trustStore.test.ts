import { describe, expect, it } from 'vitest';
import { createTrustStore, TRUST_KEY } from './trustStore';

/** One browser's localStorage, shared by the tabs' stores. */
class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

const A = { id: 'p:a@1.0.0', source: 'code a' };
const B = { id: 'p:b@1.0.0', source: 'code b' };
const stored = (s: MemoryStorage) => JSON.parse(s.getItem(TRUST_KEY)!) as { version: number; entries: { id: string; sha256: string; how: string }[] };

describe('trust decisions in two tabs', () => {
  it("a tab's decision keeps the one another tab stored after it opened", () => {
    const storage = new MemoryStorage();
    // Both tabs open before either decides.
    const tabA = createTrustStore(storage);
    const tabB = createTrustStore(storage);
    tabA.add({ ...A, how: 'accepted' });
    tabB.add({ ...B, how: 'typed' });
    // Each tab sees the other's decision, and a reload (a new store) sees both.
    expect(tabB.find(A.id, A.source)?.how).toBe('accepted');
    expect(tabA.find(B.id, B.source)?.how).toBe('typed');
    const reloaded = createTrustStore(storage);
    expect(reloaded.find(A.id, A.source)?.how).toBe('accepted');
    expect(reloaded.find(B.id, B.source)?.how).toBe('typed');
    // Still the format every version since digests reads: version 2, id + sha256 + how.
    const saved = stored(storage);
    expect(saved.version).toBe(2);
    expect(saved.entries.map((e) => [e.id, e.how])).toEqual([[A.id, 'accepted'], [B.id, 'typed']]);
    expect(Object.keys(saved.entries[0]!).sort()).toEqual(['how', 'id', 'sha256']);
  });

  it('a typed decision from another tab still outranks a later acceptance here', () => {
    const storage = new MemoryStorage();
    const tabA = createTrustStore(storage);
    const tabB = createTrustStore(storage);
    tabB.add({ ...A, how: 'typed' });
    tabA.add({ ...A, how: 'accepted' });
    expect(createTrustStore(storage).find(A.id, A.source)?.how).toBe('typed');
    expect(stored(storage).entries).toHaveLength(1);
  });

  it('tells the page when another tab stored a decision under its key', () => {
    const events = new EventTarget();
    const storage = new MemoryStorage();
    const store = createTrustStore(storage, TRUST_KEY, events);
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    const storageEvent = (key: string | null) => Object.assign(new Event('storage'), { key });
    events.dispatchEvent(storageEvent(TRUST_KEY));
    events.dispatchEvent(storageEvent('wcp.settings'));
    events.dispatchEvent(storageEvent(null));
    expect(heard).toBe(2);
    stop();
    events.dispatchEvent(storageEvent(TRUST_KEY));
    expect(heard).toBe(2);
    // Memory-only stores (embedded views) hear nothing.
    expect(() => createTrustStore(null, TRUST_KEY, events).subscribe(() => heard++)()).not.toThrow();
  });
});

/**
 * One browser's localStorage as Chrome keeps it: each tab reads and writes its own copy, and a
 * write reaches the other tabs (with a `storage` event) only later, in the order written.
 */
class TabCopies {
  tabs: { copy: MemoryStorage; events: EventTarget }[] = [];
  queue: { from: number; value: string }[] = [];
  open() {
    const index = this.tabs.length;
    const copy = new MemoryStorage();
    const events = new EventTarget();
    copy.setItem = (k, v) => {
      copy.map.set(k, v);
      this.queue.push({ from: index, value: v });
    };
    this.tabs.push({ copy, events });
    return createTrustStore(copy, TRUST_KEY, events);
  }
  /** Delivers every queued write, and those the deliveries cause, to the other tabs. */
  deliver() {
    for (let rounds = 0; this.queue.length > 0 && rounds < 100; rounds++) {
      const { from, value } = this.queue.shift()!;
      this.tabs.forEach((tab, i) => {
        if (i === from) return;
        tab.copy.map.set(TRUST_KEY, value);
        tab.events.dispatchEvent(Object.assign(new Event('storage'), { key: TRUST_KEY }));
      });
    }
    expect(this.queue).toEqual([]);
  }
}

describe('trust decisions made in two tabs at the same instant', () => {
  it('both are kept: the tab whose write was overwritten adds its decision again', () => {
    const browser = new TabCopies();
    const tabA = browser.open();
    const tabB = browser.open();
    // Neither tab has seen the other's write when it makes its own.
    tabA.add({ ...A, how: 'accepted' });
    tabB.add({ ...B, how: 'typed' });
    browser.deliver();
    for (const { copy } of browser.tabs) {
      expect(stored(copy).entries.map((e) => [e.id, e.how]).sort()).toEqual([[A.id, 'accepted'], [B.id, 'typed']]);
      const reloaded = createTrustStore(copy);
      expect(reloaded.find(A.id, A.source)?.how).toBe('accepted');
      expect(reloaded.find(B.id, B.source)?.how).toBe('typed');
    }
    // While the record lacked its decision, the deciding tab still knew it.
    expect(tabA.find(A.id, A.source)?.how).toBe('accepted');
  });

  it('a storage cleared in another tab is not filled again', () => {
    const browser = new TabCopies();
    const tab = browser.open();
    tab.add({ ...A, how: 'accepted' });
    const { copy, events } = browser.tabs[0]!;
    copy.map.clear();
    events.dispatchEvent(Object.assign(new Event('storage'), { key: null }));
    expect(copy.getItem(TRUST_KEY)).toBeNull();
    expect(tab.find(A.id, A.source)).toBeUndefined();
  });
});

describe('a damaged or foreign stored record', () => {
  it('reads as empty without throwing, and the next decision replaces it with a valid record', () => {
    const broken = ['{', 'null', '5', '"text"', '[]', '{"version":2}', '{"version":2,"entries":{}}', '{"version":"2","entries":[]}', '{"version":2,"entries":[null,7,{"id":1},{"id":"p","sha256":"zz","how":"typed"},{"id":"p","sha256":"' + 'a'.repeat(64) + '","how":"owned"}]}'];
    for (const raw of broken) {
      const storage = new MemoryStorage();
      storage.setItem(TRUST_KEY, raw);
      const store = createTrustStore(storage);
      expect(store.find(A.id, A.source), raw).toBeUndefined();
      store.add({ ...A, how: 'accepted' });
      expect(stored(storage).entries.map((e) => e.id), raw).toEqual([A.id]);
      expect(createTrustStore(storage).find(A.id, A.source)?.how).toBe('accepted');
    }
  });

  it('keeps the valid decisions of a partly damaged record', () => {
    const storage = new MemoryStorage();
    createTrustStore(storage).add({ ...A, how: 'accepted' });
    const saved = stored(storage);
    storage.setItem(TRUST_KEY, JSON.stringify({ version: 2, entries: [{ id: 'x' }, ...saved.entries, 'junk'] }));
    createTrustStore(storage).add({ ...B, how: 'accepted' });
    expect(stored(storage).entries.map((e) => e.id)).toEqual([A.id, B.id]);
  });

  it("leaves a newer version's record alone and keeps the decision for the page", () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ version: 3, decisions: [] , entries: [] });
    storage.setItem(TRUST_KEY, newer);
    const store = createTrustStore(storage);
    store.add({ ...A, how: 'accepted' });
    expect(storage.getItem(TRUST_KEY)).toBe(newer);
    expect(store.find(A.id, A.source)?.how).toBe('accepted');
  });

  it('works on for the page when storage cannot be read or written', () => {
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    const store = createTrustStore(throwing);
    expect(store.find(A.id, A.source)).toBeUndefined();
    store.add({ ...A, how: 'accepted' });
    expect(store.find(A.id, A.source)?.how).toBe('accepted');
    // Full storage: the decision is the page's.
    const storage = new MemoryStorage();
    const full = { getItem: (k: string) => storage.getItem(k), setItem: () => { throw new Error('QuotaExceededError'); } };
    const tab = createTrustStore(full);
    tab.add({ ...A, how: 'typed' });
    expect(tab.find(A.id, A.source)?.how).toBe('typed');
    expect(storage.getItem(TRUST_KEY)).toBeNull();
  });
});
