import { sha256Hex } from '../../src/index';
import { safeLocalStorage } from '../state/settings';
import { readTrustEntries, TRUST_FORMAT, type StoredEntry, type TrustRecord } from './readTrustEntries';

/** How host code came to be trusted in this browser. */
export type TrustHow = 'typed' | 'accepted';

/** One trusted host module: exactly this source for this package id. */
export interface TrustEntry {
  id: string;
  source: string;
  how: TrustHow;
}

export const TRUST_KEY = 'wcp.trustedHostCode';
/** Oldest decisions are forgotten first; forgetting one only means being asked again. */
const MAX_ENTRIES = 200;

/** Host code this browser runs without asking: typed here by the user or accepted in the prompt. */
export interface TrustStore {
  find(id: string, source: string): TrustEntry | undefined;
  add(entry: TrustEntry): void;
  /** Calls `onChange` when another tab stored a decision; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/** Where another tab's writes are heard (`window`; absent in workers and unit tests). */
type StorageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * `storage` null keeps decisions in memory only (embedded views); `key` names the
 * localStorage entry (lessons' check scripts keep theirs apart from host code). A decision is kept as
 * the package id and the SHA-256 of exactly the source decided on: a changed copy asks
 * again. Storing whole sources (version 1) put megabytes of bundled host code into
 * localStorage, whose few-MB quota the settings share, so a second large module made
 * every later save fail; a digest is 64 characters whatever the size. SHA-256 (not a
 * quick checksum) because a stranger's link must not be able to forge a match for code
 * the user accepted earlier.
 *
 * Several tabs share the one stored record: every lookup reads it (parsed again only when
 * its text changed) and every decision is added to what is stored at that moment. A store
 * that kept its own copy from page load wrote that copy back whole, so a tab dropped the
 * decisions other tabs had stored since it opened (allowed in one tab, asked again after
 * a decision in another). What cannot be stored (no storage, quota full, a record of a
 * newer version this one must not overwrite) is kept for the page.
 */
export function createTrustStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null | undefined = safeLocalStorage(),
  key = TRUST_KEY,
  events: StorageEvents | undefined = typeof window === 'undefined' ? undefined : window,
): TrustStore {
  let pageOnly: StoredEntry[] = [];
  // Decisions this page stored: put back if another tab's write, made at the same moment
  // over the record as it was before ours, dropped them.
  let mine: StoredEntry[] = [];
  let listening = false;
  let last: { raw: string | null; record: TrustRecord } | undefined;
  const stored = (): TrustRecord => {
    let raw: string | null = null;
    try {
      raw = storage?.getItem(key) ?? null;
    } catch {
      // Blocked storage reads as empty: decisions then live in pageOnly.
    }
    if (last?.raw !== raw) last = { raw, record: readTrustEntries(raw) };
    return last.record;
  };
  const digest = createDigestCache();
  const matches = (id: string, sha256: string) => (e: StoredEntry) => e.id === id && e.sha256 === sha256;
  // "typed" outranks "accepted": the user's own edit needs no badge.
  const lookup = (id: string, sha256: string): StoredEntry | undefined => {
    const hits = [...stored().entries, ...mine, ...pageOnly].filter(matches(id, sha256));
    return hits.find((e) => e.how === 'typed') ?? hits[0];
  };
  const write = (decided: StoredEntry[]): boolean => {
    const record = stored();
    if (!storage || !record.writable) return false;
    const kept = record.entries.filter((e) => !decided.some((d) => matches(d.id, d.sha256)(e)));
    const entries = [...kept, ...decided].slice(-MAX_ENTRIES);
    const raw = JSON.stringify({ version: TRUST_FORMAT, entries });
    try {
      storage.setItem(key, raw);
    } catch {
      return false; // Full or blocked storage.
    }
    last = { raw, record: { entries, writable: true } };
    return true;
  };
  // localStorage has no lock across tabs and each tab writes through its own copy, so two
  // decisions in the same instant can each be written over the record without the other.
  // The later write reaches this tab as a `storage` event: whatever of ours it lacks is added
  // again, over the record as it now is. A cleared storage (key null) is the user's wish.
  const repairLostDecisions = (e: Event) => {
    const changed = (e as StorageEvent).key;
    if (changed === null) mine = [];
    if (changed !== key || mine.length === 0) return;
    const entries = stored().entries;
    const lost = mine.filter((d) => !entries.some(matches(d.id, d.sha256)));
    if (lost.length > 0) write(lost);
  };
  return {
    find(id, source) {
      const hit = lookup(id, digest(source));
      return hit && { id, source, how: hit.how };
    },
    add(entry) {
      const sha256 = digest(entry.source);
      const how: TrustHow = lookup(entry.id, sha256)?.how === 'typed' ? 'typed' : entry.how;
      const decided: StoredEntry = { id: entry.id, sha256, how };
      const others = matches(entry.id, sha256);
      if (write([decided])) {
        pageOnly = pageOnly.filter((e) => !others(e));
        mine = [...mine.filter((e) => !others(e)), decided].slice(-MAX_ENTRIES);
        if (events && !listening) {
          // For the page's life: the store lives as long as the page that made it.
          listening = true;
          events.addEventListener('storage', repairLostDecisions);
        }
        return;
      }
      // Full or blocked storage, or a newer version's record: trusted for this page only.
      pageOnly = [...pageOnly.filter((e) => !others(e)), decided].slice(-MAX_ENTRIES);
    },
    subscribe(onChange) {
      if (!storage || !events) return () => {};
      // `key` null: the whole storage was cleared.
      const heard = (e: Event) => {
        const changed = (e as StorageEvent).key;
        if (changed === key || changed === null) onChange();
      };
      events.addEventListener('storage', heard);
      return () => events.removeEventListener('storage', heard);
    },
  };
}

/** Digests of recently seen sources: the prompt asks about the same few on every render. */
function createDigestCache(): (source: string) => string {
  const cache = new Map<string, string>();
  return (source) => {
    let hex = cache.get(source);
    if (hex === undefined) {
      hex = sha256Hex(source);
      if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
      cache.set(source, hex);
    }
    return hex;
  };
}
