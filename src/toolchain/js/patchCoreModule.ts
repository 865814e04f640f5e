// Fast Run path. For one (WIT, world) the component's main core module differs between guest
// sources only in the state Wizer bakes in: memory limits, global initialisers, data and data
// count sections. stubWasi, componentNew and jco's transpile leave those sections untouched and
// produce identical code, imports and glue, so a JS-only edit can reuse a previous build's
// transpiled output and swap in a core module patched with the new snapshot — skipping stubWasi,
// componentNew and transpilation entirely (checked byte-for-byte in patchCoreModule.test.ts).
import { readModuleLayout } from './readModuleLayout';
import { snapshotJsGuest, type JsGuestInput } from './snapshotJsGuest';
import { ByteReader, ByteWriter, SectionId, customSectionName, readSections, writeModule, type RawSection } from './wasmBinary';
import { sameBytes } from '../../platform/sameBytes';
import { prepareSpare, spareArrival, takeSpare } from './spareBuffers';

const STATE_SECTIONS = new Set<number>([SectionId.memory, SectionId.global, SectionId.data, SectionId.dataCount]);
/** Sections stubWasi leaves alone that identify the world: they must match for a patch to be valid. */
const IDENTITY_SECTIONS = [SectionId.type, SectionId.export, SectionId.element] as const;


/**
 * Replaces the state sections of `previousCore` (the main core module of an earlier build of the
 * same world, e.g. `<name>.core.wasm` from jco's transpile output) with those of `snapshot`.
 */
export function patchCoreModule(
  previousCore: Uint8Array,
  snapshot: Uint8Array | readonly RawSection[],
  /** Where to write the module (given its exact length): see writeModule. */
  allocate?: (length: number) => Uint8Array,
): Uint8Array {
  const prev = readSections(previousCore).filter((s) => !isKeptLength(s));
  const next = snapshot instanceof Uint8Array ? readSections(snapshot) : snapshot;
  const body = (list: readonly RawSection[], id: number) => list.find((s) => s.id === id)?.body;
  for (const id of IDENTITY_SECTIONS) {
    if (!sameBytes(body(prev, id), body(next, id))) {
      throw new Error('the previous build is for a different WIT world or toolchain; a full build is needed');
    }
  }
  const prevGlobals = readModuleLayout(prev).globals.map((g) => `${g.index}:${g.valType.join(',')}:${g.mutable}`);
  const nextGlobals = readModuleLayout(next).globals.map((g) => `${g.index}:${g.valType.join(',')}:${g.mutable}`);
  if (prevGlobals.join(' ') !== nextGlobals.join(' ')) throw new Error('global layout changed; a full build is needed');

  const replacements = new Map(next.filter((s) => STATE_SECTIONS.has(s.id)).map((s) => [s.id, s]));
  const patched = prev.map((s) => {
    if (!STATE_SECTIONS.has(s.id)) return s;
    const replacement = replacements.get(s.id);
    if (!replacement) throw new Error(`snapshot lacks section ${s.id}; a full build is needed`);
    replacements.delete(s.id);
    return replacement;
  });
  if (replacements.size > 0) throw new Error('the previous core module lacks a state section; a full build is needed');
  return writeModule(patched, allocate);
}

/**
 * `core` with empty data and data-count sections: all a later patch needs of a base (it replaces
 * both), ~2.8 MB smaller for the engine. Kept builds are stored so (storedJsBuilds.ts): less to
 * write before the visitor may close the tab, less to read on the next visit. Never compiled as
 * is (its code may still name data segments); only ever patched.
 */
export function withoutStateData(core: Uint8Array): Uint8Array {
  return writeModule(stateFreeSections(core));
}

/**
 * The sections of {@link withoutStateData}, as views of `core` (written out by the caller), plus
 * a custom section with `core`'s length: a fast path asks for a spare buffer of the module it
 * will write before it has the snapshot (spareBuffers.ts), and without it would size that spare
 * ~2.8 MB short. patchCoreModule drops the note, so patched modules stay byte for byte those of
 * a full build.
 */
export function stateFreeSections(core: Uint8Array): RawSection[] {
  const empty = new Uint8Array([0]);
  const sections = readSections(core).map((s) => (s.id === SectionId.data || s.id === SectionId.dataCount ? { id: s.id, body: empty } : s));
  return [...sections, { id: SectionId.custom, body: new ByteWriter(32).name(KEPT_LENGTH).u32(core.length).finish() }];
}

/** Name of the custom section {@link stateFreeSections} adds. */
const KEPT_LENGTH = 'wcp:kept-module-length';
const isKeptLength = (s: RawSection) => s.id === SectionId.custom && customSectionName(s) === KEPT_LENGTH;

/** The length of the module a fast path from `previousCore` will write, as far as it is known. */
export function expectedModuleLength(previousCore: Uint8Array): number {
  try {
    const note = readSections(previousCore).find(isKeptLength);
    if (!note) return previousCore.length;
    const reader = new ByteReader(note.body);
    reader.name();
    return reader.u32();
  } catch {
    return previousCore.length;
  }
}

/** Timings of {@link rebuildJsCoreModule}. */
export interface JsRebuildTimings {
  loadMs: number;
  spliceMs: number;
  compileMs: number;
  initializeMs: number;
  snapshotMs: number;
  patchMs: number;
  totalMs: number;
}

/** Re-snapshots `source` and patches it into `previousCore` (see file comment). */
export async function rebuildJsCoreModule(
  input: JsGuestInput & { previousCore: Uint8Array },
): Promise<{ coreModule: Uint8Array; initOutput: string; timings: JsRebuildTimings }> {
  const started = performance.now();
  let coreModule: Uint8Array | undefined;
  let patchMs = 0;
  // The module goes into a buffer touched beforehand on another thread (spareBuffers.ts); the
  // next Run's is asked for once this one is written.
  prepareSpare(expectedModuleLength(input.previousCore));
  const patch = async (sections: readonly RawSection[]) => {
    input.onProgress?.('patch');
    const t = performance.now();
    await spareArrival();
    coreModule = patchCoreModule(input.previousCore, sections, takeSpare);
    patchMs = performance.now() - t;
    prepareSpare(coreModule.length);
  };
  // Patched as soon as the snapshot is taken, straight from the engine's memory (patchSnapshot).
  const snapshot = await snapshotJsGuest({ ...input, patchSnapshot: patch });
  if (!coreModule) await patch(snapshot.sections);
  input.onProgress?.('done');
  return { coreModule: coreModule!, initOutput: snapshot.initOutput, timings: { ...snapshot.timings, patchMs, totalMs: performance.now() - started } };
}
