import { sha256Hex } from '../../src/index';
import { safeLocalStorage } from '../state/settings';

/** How host code came to be trusted in this browser. */
export type TrustHow = 'typed' | 'accepted';

/** One trusted host module: exactly this source for this package id. */
export interface TrustEntry {
  id: string;
  source: string;
  how: TrustHow;
}

/** As stored: the source's SHA-256, not the source (see {@link createTrustStore}). */
interface StoredEntry {
  id: string;
  sha256: string;
  how: TrustHow;
}

/** Version 1 stored whole sources; version 2 their SHA-256 (read back: both). */
interface StoredTrustV2 {
  version: 2;
  entries: StoredEntry[];
}

export const TRUST_KEY = 'wcp.trustedHostCode';
/** Oldest decisions are forgotten first; forgetting one only means being asked again. */
const MAX_ENTRIES = 200;

/** Host code this browser runs without asking: typed here by the user or accepted in the prompt. */
export interface TrustStore {
  find(id: string, source: string): TrustEntry | undefined;
  add(entry: TrustEntry): void;
}

/**
 * `storage` null keeps decisions in memory only (embedded views); `key` names the
 * localStorage entry (lessons' check scripts keep theirs apart from host code). A decision is kept as
 * the package id and the SHA-256 of exactly the source decided on: a changed copy asks
 * again. Storing whole sources (version 1) put megabytes of bundled host code into
 * localStorage, whose few-MB quota the settings share, so a second large module made
 * every later save fail; a digest is 64 characters whatever the size. SHA-256 (not a
 * quick checksum) because a stranger's link must not be able to forge a match for code
 * the user accepted earlier.
 */
export function createTrustStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null | undefined = safeLocalStorage(), key = TRUST_KEY): TrustStore {
  let entries = storage ? read(storage, key) : [];
  const digest = createDigestCache();
  const lookup = (id: string, sha256: string) => entries.find((e) => e.id === id && e.sha256 === sha256);
  return {
    find(id, source) {
      const hit = lookup(id, digest(source));
      return hit && { id, source, how: hit.how };
    },
    add(entry) {
      const sha256 = digest(entry.source);
      const existing = lookup(entry.id, sha256);
      // "typed" outranks "accepted": the user's own edit needs no badge.
      const how: TrustHow = existing?.how === 'typed' ? 'typed' : entry.how;
      entries = [...entries.filter((e) => e !== existing), { id: entry.id, sha256, how }].slice(-MAX_ENTRIES);
      try {
        storage?.setItem(key, JSON.stringify({ version: 2, entries } satisfies StoredTrustV2));
      } catch {
        // Full or blocked storage: trusted for this page only.
      }
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

const isHow = (how: unknown): how is TrustHow => how === 'typed' || how === 'accepted';

function read(storage: Pick<Storage, 'getItem'> | undefined, key: string): StoredEntry[] {
  try {
    const raw = JSON.parse(storage?.getItem(key) ?? 'null') as { version?: unknown; entries?: unknown } | null;
    if (!raw || !Array.isArray(raw.entries)) return [];
    const list = raw.entries as Partial<StoredEntry & TrustEntry>[];
    // Version 1 kept sources: migrated by hashing them (written as version 2 on the next decision).
    if (raw.version === 1) return list.filter((e) => !!e && typeof e.id === 'string' && typeof e.source === 'string' && isHow(e.how)).map((e) => ({ id: e.id!, sha256: sha256Hex(e.source!), how: e.how! }));
    if (raw.version !== 2) return [];
    return list.filter((e): e is StoredEntry => !!e && typeof e.id === 'string' && typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256) && isHow(e.how));
  } catch {
    return [];
  }
}
