import { ENGINE_CACHE_DB } from '../toolchain/js/engineCache';
import { decodeValue, encodeValue, sameValue, type Encoded } from './encodeValue';

/** `format` of an export-everything file. */
export const BACKUP_FORMAT = 'wasi-cloud-playground-backup';

/** One object store: its schema (to recreate it) and every record. */
interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  /** [key, value] pairs; keys are given even with a keyPath so out-of-line keys survive. */
  records: [Encoded, Encoded][];
}

/** The whole file: every IndexedDB database of the playground and its localStorage entries. */
export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  databases: { name: string; version: number; stores: StoreDump[] }[];
  localStorage: Record<string, string>;
}

/** What an import did: nothing stored is ever overwritten; differing entries are kept and counted. */
export interface ImportReport {
  added: number;
  unchanged: number;
  /** Entries the file has with a different value than what is stored: the stored one was kept. */
  conflicts: string[];
  /** Stores the file has that this browser's database lacks and cannot gain without an upgrade. */
  skipped: string[];
  /** The file said which host code its browser trusted; not taken (see NOT_CARRIED). */
  trustLeftOut?: boolean;
  /** The file said which lesson check scripts its browser allowed; not taken (see NOT_CARRIED). */
  lessonChecksLeftOut?: boolean;
}

const req = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));

/** Every database of this origin that belongs to the playground (all its stores are `wcp…`-named or namespaced). */
async function databaseNames(idb: IDBFactory): Promise<string[]> {
  const list = await idb.databases();
  // The JS engine cache is derived data (tens of MB of wasm) that the browser rebuilds itself.
  return list.map((d) => d.name).filter((n): n is string => typeof n === 'string' && n !== ENGINE_CACHE_DB);
}

/**
 * localStorage entries a backup never carries. The host code this browser runs without
 * asking (web/trust/trustStore.ts) is a decision of the person at this browser: a file
 * from someone else must not bring it in, or host code in that same file would run
 * unasked (and sandboxed still). Files made before this are read with the entry skipped.
 */
const HOST_CODE_TRUST = 'wcp.trustedHostCode';
/**
 * The same for the teacher's check scripts the person here allowed (web/learn/useCheckScriptConsent.ts).
 * It used to be carried: a stranger's backup brought their lesson (IndexedDB) and their
 * allowing its script, so Check ran that script here without asking.
 */
const LESSON_CHECK_TRUST = 'wcp.trustedLessonChecks';
const NOT_CARRIED = new Set([HOST_CODE_TRUST, LESSON_CHECK_TRUST]);

/**
 * Everything the browser keeps for the playground, as one JSON document: all IndexedDB
 * databases (workspaces, key-value data, blobs, topic logs, offsets, anything added
 * later) and localStorage (settings; not which host code is trusted, see NOT_CARRIED).
 */
export async function exportEverything(idb: IDBFactory = indexedDB, storage: Pick<Storage, 'length' | 'key' | 'getItem'> | undefined = globalThis.localStorage): Promise<BackupV1> {
  const databases: BackupV1['databases'] = [];
  for (const name of await databaseNames(idb)) {
    const db = await req(idb.open(name));
    try {
      const stores: StoreDump[] = [];
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
        const records: [Encoded, Encoded][] = [];
        for (let i = 0; i < keys.length; i++) records.push([await encodeValue(keys[i]), await encodeValue(values[i])]);
        const indexes = Array.from(store.indexNames).map((n) => {
          const ix = store.index(n);
          return { name: n, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
        });
        stores.push({ name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records });
      }
      databases.push({ name, version: db.version, stores });
    } finally {
      db.close();
    }
  }
  const local: Record<string, string> = {};
  for (let i = 0; i < (storage?.length ?? 0); i++) {
    const key = storage!.key(i);
    if (key !== null && /^wcp[.:]/.test(key) && !NOT_CARRIED.has(key)) local[key] = storage!.getItem(key) ?? '';
  }
  return { format: BACKUP_FORMAT, version: 1, exportedAt: new Date().toISOString(), databases, localStorage: local };
}

/** Parses and checks a backup file's text; throws an Error with a readable reason. */
export function readBackup(text: string): BackupV1 {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const d = doc as Partial<BackupV1> | null;
  if (!d || d.format !== BACKUP_FORMAT) throw new Error(`The file is not a playground backup (expected "format": "${BACKUP_FORMAT}").`);
  if (d.version !== 1) throw new Error(`The backup uses version ${JSON.stringify(d.version)}, which this version of the playground can't read.`);
  if (!Array.isArray(d.databases) || typeof d.localStorage !== 'object' || d.localStorage === null) throw new Error('The backup file is damaged (databases or localStorage missing).');
  return d as BackupV1;
}

/**
 * Adds a backup to what this browser stores. Never overwrites: a record whose key exists
 * with another value keeps the stored value and is listed as a conflict; missing
 * databases and stores are created with the exported schema.
 */
export async function importEverything(backup: BackupV1, idb: IDBFactory = indexedDB, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): Promise<ImportReport> {
  const report: ImportReport = { added: 0, unchanged: 0, conflicts: [], skipped: [] };
  const existing = new Set(await databaseNames(idb));
  for (const dump of backup.databases) {
    // A database this browser lacks is created at the exported version with the exported
    // schema, so the app opens it as if it had made it; an existing one is never upgraded.
    const open = existing.has(dump.name) ? idb.open(dump.name) : idb.open(dump.name, Math.max(1, dump.version));
    open.onupgradeneeded = () => {
      for (const s of dump.stores) {
        if (open.result.objectStoreNames.contains(s.name)) continue;
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath ?? undefined, autoIncrement: s.autoIncrement });
        for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
      }
    };
    const db = await req(open);
    try {
      for (const s of dump.stores) {
        if (!db.objectStoreNames.contains(s.name)) {
          report.skipped.push(`${dump.name}/${s.name}`);
          continue;
        }
        for (const [k, v] of s.records) {
          const key = decodeValue(k) as IDBValidKey;
          const value = decodeValue(v);
          const tx = db.transaction(s.name, 'readwrite');
          const store = tx.objectStore(s.name);
          const stored = await req(store.get(key));
          if (stored === undefined) {
            await req(store.keyPath === null ? store.add(value, key) : store.add(value));
            report.added++;
          } else if (await sameValue(stored, value)) report.unchanged++;
          else report.conflicts.push(`${dump.name}/${s.name}/${describeKey(key)}`);
        }
      }
    } finally {
      db.close();
    }
  }
  for (const [key, value] of Object.entries(backup.localStorage)) {
    if (NOT_CARRIED.has(key)) {
      if (key === HOST_CODE_TRUST) report.trustLeftOut = true;
      else report.lessonChecksLeftOut = true;
      continue;
    }
    const current = storage?.getItem(key);
    if (current === null || current === undefined) {
      storage?.setItem(key, value);
      report.added++;
    } else if (current === value) report.unchanged++;
    else report.conflicts.push(`localStorage/${key}`);
  }
  return report;
}

const describeKey = (key: IDBValidKey): string => (typeof key === 'string' ? key : JSON.stringify(key, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '<bytes>' : v)));
