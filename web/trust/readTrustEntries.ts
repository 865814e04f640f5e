import { sha256Hex } from '../../src/index';
import type { TrustHow } from './trustStore';

/** A stored decision: the package id and the SHA-256 of the source decided on. */
export interface StoredEntry {
  id: string;
  sha256: string;
  how: TrustHow;
}

/**
 * The stored record's version: 2, `{ version: 2, entries: StoredEntry[] }`, written by every
 * build since digests replaced sources (version 1 stored whole sources; read back too).
 */
export const TRUST_FORMAT = 2;

/** What a stored record holds, and whether a decision may be written over it. */
export interface TrustRecord {
  entries: StoredEntry[];
  /** False for a newer version's record: this build cannot read it and must not replace it. */
  writable: boolean;
}

const isHow = (how: unknown): how is TrustHow => how === 'typed' || how === 'accepted';

/**
 * Reads the stored text of a trust record. Never throws: text that is not a record (cut
 * off, hand-edited, another program's) reads as empty and the next decision replaces it,
 * and entries that are not decisions are dropped, so nothing broken is kept or written back.
 */
export function readTrustEntries(raw: string | null): TrustRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? 'null');
  } catch {
    return { entries: [], writable: true };
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { entries?: unknown }).entries)) return { entries: [], writable: true };
  const { version, entries } = parsed as { version?: unknown; entries: unknown[] };
  if (typeof version === 'number' && version > TRUST_FORMAT) return { entries: [], writable: false };
  const list = entries.filter((e): e is Partial<StoredEntry & { source: string }> => !!e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string' && isHow((e as { how?: unknown }).how));
  // Version 1 kept sources: migrated by hashing them (written as version 2 on the next decision).
  if (version === 1) return { entries: list.filter((e) => typeof e.source === 'string').map((e) => ({ id: e.id!, sha256: sha256Hex(e.source!), how: e.how! })), writable: true };
  if (version !== TRUST_FORMAT) return { entries: [], writable: true };
  return { entries: list.filter((e): e is StoredEntry => typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256)), writable: true };
}
