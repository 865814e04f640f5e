import type { Example } from '../examples/exampleTypes';
import { examples as builtInExamples } from '../examples/index';
import { checkObject, checkString, checkWorkspace, ShapeError } from './checkWorkspace';
import { WorkspaceStoreError } from './workspaceStoreError';
import { DEFAULT_TIME_LIMIT_MS, workspaceFromExample, type Workspace, type WorkspaceGuest } from './workspaceTypes';

/** Current record schema, written by saveWorkspace. */
export const RECORD_SCHEMA = 1;

/** One saved workspace as stored in IndexedDB (`wcp-workspaces` / `workspaces`, key `id`). */
export interface WorkspaceRecord {
  schema: typeof RECORD_SCHEMA;
  /** Stable key; random UUID unless the caller chose one. */
  id: string;
  /** User-visible name in the workspace list. */
  name: string;
  /** Last save, ms since the epoch; lists sort newest first. */
  updatedAt: number;
  workspace: Workspace;
}

/**
 * Schema 0: what web/state/workspaceStore.ts kept in localStorage under
 * `wcp:workspace:v1:<exampleId>` before IndexedDB: only edited sources, matched by name.
 */
export interface LegacyRecordV0 {
  exampleId: string;
  guests: Array<{ name: string; wit: string; source: string }>;
  savedAt: number;
}

type Migration = (raw: Record<string, unknown>, examples: readonly Example[]) => Record<string, unknown>;

// Schema 0 kept no language: the UI only had WAT examples then, but guess from the text anyway.
const guessLang = (source: string): WorkspaceGuest['lang'] => (/^\s*(;;[^\n]*\n\s*)*\(/.test(source) ? 'wat' : 'js');

function fromLegacy(raw: Record<string, unknown>, examples: readonly Example[]): Record<string, unknown> {
  const exampleId = checkString(raw.exampleId, 'record.exampleId');
  if (!Array.isArray(raw.guests)) throw new ShapeError('record.guests must be an array');
  const saved = raw.guests.map((g, i) => {
    const o = checkObject(g, `record.guests[${i}]`, ['name', 'wit', 'source']);
    return { name: checkString(o.name, `record.guests[${i}].name`), wit: checkString(o.wit, `record.guests[${i}].wit`), source: checkString(o.source, `record.guests[${i}].source`) };
  });
  const example = examples.find((e) => e.id === exampleId);
  // Like the old applyWorkspace: the example decides which guests exist; saved text fills them in.
  const workspace: Workspace = example
    ? workspaceFromExample(example)
    : { exampleId, guests: saved.map((g) => ({ ...g, lang: guessLang(g.source), subscriptions: [] })), hosts: { customHosts: {} }, settings: { timeLimitMs: DEFAULT_TIME_LIMIT_MS } };
  if (example) for (const g of workspace.guests) Object.assign(g, saved.find((s) => s.name === g.name) ?? {});
  const updatedAt = typeof raw.savedAt === 'number' && Number.isFinite(raw.savedAt) ? raw.savedAt : 0;
  return { schema: 1, id: `legacy-${exampleId}`, name: example?.title ?? exampleId, updatedAt, workspace };
}

/** `migrations[n]` turns a schema-n record into schema n+1. Add one per schema bump; never edit old ones. */
export const migrations: Readonly<Record<number, Migration>> = { 0: fromLegacy };

function schemaOf(raw: Record<string, unknown>): number {
  if (raw.schema === undefined) return 0;
  if (typeof raw.schema !== 'number' || !Number.isSafeInteger(raw.schema) || raw.schema < 0) throw new ShapeError('record.schema must be a whole number');
  return raw.schema;
}

function checkRecord(raw: Record<string, unknown>): WorkspaceRecord {
  const r = checkObject(raw, 'record', ['schema', 'id', 'name', 'updatedAt', 'workspace']);
  const id = checkString(r.id, 'record.id');
  if (!id) throw new ShapeError('record.id must not be empty');
  if (typeof r.updatedAt !== 'number' || !Number.isFinite(r.updatedAt)) throw new ShapeError('record.updatedAt must be a number');
  return { schema: RECORD_SCHEMA, id, name: checkString(r.name, 'record.name'), updatedAt: r.updatedAt, workspace: checkWorkspace(r.workspace, 'record.workspace') };
}

/**
 * Brings a stored record of any known schema (or a raw schema-0 localStorage value, as
 * an object or JSON text) to the current schema and validates it strictly. Rejects with
 * WorkspaceStoreError ('newer' / 'corrupt') instead of returning anything half-valid.
 */
export function migrateRecord(raw: unknown, examples: readonly Example[] = builtInExamples): WorkspaceRecord {
  try {
    const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError('record must be an object');
    let rec = value as Record<string, unknown>;
    for (let schema = schemaOf(rec); schema !== RECORD_SCHEMA; schema = schemaOf(rec)) {
      if (schema > RECORD_SCHEMA) throw new WorkspaceStoreError('newer', `This workspace was saved by a newer version of the playground (schema ${schema}); reload the page to open it.`);
      rec = migrations[schema](rec, examples);
    }
    return checkRecord(rec);
  } catch (e) {
    if (e instanceof WorkspaceStoreError) throw e;
    throw new WorkspaceStoreError('corrupt', `A saved workspace is damaged: ${e instanceof Error ? e.message : String(e)}.`, { cause: e });
  }
}
