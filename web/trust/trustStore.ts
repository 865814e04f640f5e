import { safeLocalStorage } from '../state/settings';

/** How host code came to be trusted in this browser. */
export type TrustHow = 'typed' | 'accepted';

/** One trusted host module: exactly this source for this package id. */
export interface TrustEntry {
  id: string;
  source: string;
  how: TrustHow;
}

/** Versioned so a later format can migrate; stored whole (not hashed): exact match, no Web Crypto digest needed (it is missing on http origins). */
interface StoredTrust {
  version: 1;
  entries: TrustEntry[];
}

export const TRUST_KEY = 'wcp.trustedHostCode';
/** Oldest decisions are forgotten first; forgetting one only means being asked again. */
const MAX_ENTRIES = 200;

/** Host code this browser runs without asking: typed here by the user or accepted in the prompt. */
export interface TrustStore {
  find(id: string, source: string): TrustEntry | undefined;
  add(entry: TrustEntry): void;
}

/** `storage` null keeps decisions in memory only (embedded views). */
export function createTrustStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null | undefined = safeLocalStorage()): TrustStore {
  let entries = storage ? read(storage) : [];
  return {
    find: (id, source) => entries.find((e) => e.id === id && e.source === source),
    add(entry) {
      const existing = entries.find((e) => e.id === entry.id && e.source === entry.source);
      // "typed" outranks "accepted": the user's own edit needs no badge.
      const how: TrustHow = existing?.how === 'typed' ? 'typed' : entry.how;
      entries = [...entries.filter((e) => e !== existing), { ...entry, how }].slice(-MAX_ENTRIES);
      try {
        storage?.setItem(TRUST_KEY, JSON.stringify({ version: 1, entries } satisfies StoredTrust));
      } catch {
        // Full or blocked storage: trusted for this page only.
      }
    },
  };
}

function read(storage: Pick<Storage, 'getItem'> | undefined): TrustEntry[] {
  try {
    const raw = JSON.parse(storage?.getItem(TRUST_KEY) ?? 'null') as Partial<StoredTrust> | null;
    if (!raw || raw.version !== 1 || !Array.isArray(raw.entries)) return [];
    return raw.entries.filter((e): e is TrustEntry => !!e && typeof e.id === 'string' && typeof e.source === 'string' && (e.how === 'typed' || e.how === 'accepted'));
  } catch {
    return [];
  }
}
