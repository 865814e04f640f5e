import type { Example } from '../examples/exampleTypes';
import { examples as builtInExamples } from '../examples/index';
import { migrateRecord } from './migrateRecord';
import type { WorkspaceStore } from './workspaceStore';

/** localStorage key prefix of the schema-0 store (web/state/workspaceStore.ts). */
export const LEGACY_KEY_PREFIX = 'wcp:workspace:v1:';

/** What {@link importLegacyWorkspaces} did, for a one-time notice in the UI. */
export interface LegacyImportResult {
  imported: string[];
  /** Keys left in place because they were damaged or the save failed (tried again next time). */
  skipped: Array<{ key: string; reason: string }>;
}

/**
 * Moves workspaces saved by the old localStorage store into IndexedDB, once: each key is
 * removed only after its record is safely written, and an id that already exists (the
 * user saved again since) is not overwritten. Never rejects; problems land in `skipped`.
 */
export async function importLegacyWorkspaces(
  store: WorkspaceStore,
  storage: Storage | undefined = globalThis.localStorage,
  examples: readonly Example[] = builtInExamples,
): Promise<LegacyImportResult> {
  const result: LegacyImportResult = { imported: [], skipped: [] };
  let keys: string[];
  try {
    keys = storage ? Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => !!k?.startsWith(LEGACY_KEY_PREFIX)) : [];
  } catch {
    return result; // Storage disabled (privacy mode): nothing to import.
  }
  for (const key of keys) {
    try {
      const raw = JSON.parse(storage!.getItem(key) ?? 'null') as unknown;
      // The key is authoritative for the example (older saves might lack the field).
      const withId = raw && typeof raw === 'object' && !Array.isArray(raw) ? { exampleId: key.slice(LEGACY_KEY_PREFIX.length), ...raw } : raw;
      const record = migrateRecord(withId, examples);
      if (!(await store.load(record.id))) await store.save(record.workspace, { id: record.id, name: record.name, updatedAt: record.updatedAt });
      storage!.removeItem(key);
      result.imported.push(record.id);
    } catch (e) {
      result.skipped.push({ key, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}
