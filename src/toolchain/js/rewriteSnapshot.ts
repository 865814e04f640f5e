// Wizer's two binary passes, reimplemented for the browser:
//  - instrument: export every defined mutable global and every defined memory under `__wizer_*`
//    names, because JS can only read module state through exports;
//  - rewrite: starting from the ORIGINAL module, bake the snapshot in — memory minimums grow to
//    the snapshot size, mutable global initialisers become constants, original active data
//    segments become empty passive ones (keeps data indices stable for memory.init/data.drop),
//    snapshot segments are appended, the start section and the init/_initialize exports go away.
import { ExternalKind, readExports, readModuleLayout, readConstExpr, type MemoryLimits, type ModuleLayout } from './readModuleLayout';
import { ByteReader, ByteWriter, SectionId, customSectionName, readSections, writeModule, type RawSection } from './wasmBinary';

/** A global's value after initialisation; the type follows the global's declared type. */
export type SnapshotValue =
  | { type: 'i32' | 'f32' | 'f64'; value: number }
  | { type: 'i64'; value: bigint };

/** One run of non-zero memory to re-create with an active data segment. */
export interface DataSegment {
  memoryIndex: number;
  offset: number;
  data: Uint8Array;
}

/** Initialised state captured from a live instance. */
export interface ModuleSnapshot {
  /** Keyed by global index (defined mutable globals only). */
  globals: Map<number, SnapshotValue>;
  /** New minimum page count per defined memory, in order. */
  memoryPages: number[];
  segments: DataSegment[];
}

/** Result of instrumenting a module for snapshotting. */
export interface InstrumentedModule {
  instrumented: Uint8Array;
  sections: RawSection[];
  layout: ModuleLayout;
  /** Export name → global index, for every defined mutable global. */
  globalExports: Map<string, number>;
  /** Export name per defined memory, in order. */
  memoryExports: string[];
}

const ORDER_BEFORE_EXPORT = new Set<number>([1, 2, 3, 4, 5, 13, 6]);

function insertAfterLast(sections: RawSection[], ids: Set<number>, section: RawSection): void {
  let at = 0;
  sections.forEach((s, i) => {
    if (ids.has(s.id)) at = i + 1;
  });
  sections.splice(at, 0, section);
}

/** The `__wizer_*` exports instrumentation adds for a layout, after the module's own exports. */
function instrumentationOf(layout: ModuleLayout): Pick<InstrumentedModule, 'globalExports' | 'memoryExports'> & { extra: Array<[string, number, number]> } {
  const globalExports = new Map<string, number>();
  const memoryExports: string[] = [];
  const extra: Array<[string, number, number]> = [];
  for (const g of layout.globals) {
    if (!g.mutable) continue;
    globalExports.set(`__wizer_global_${g.index}`, g.index);
    extra.push([`__wizer_global_${g.index}`, ExternalKind.global, g.index]);
  }
  layout.memories.forEach((_, i) => {
    const name = `__wizer_memory_${layout.importedMemories + i}`;
    memoryExports.push(name);
    extra.push([name, ExternalKind.memory, layout.importedMemories + i]);
  });
  return { globalExports, memoryExports, extra };
}

function writeExportSection(exports: ReadonlyArray<{ name: string; kind: number; index: number }>): RawSection {
  const w = new ByteWriter().u32(exports.length);
  for (const e of exports) w.name(e.name).byte(e.kind).u32(e.index);
  return { id: SectionId.export, body: w.finish() };
}

/** Adds `__wizer_*` exports so the live instance exposes every piece of state to snapshot. */
export function instrumentModule(module: Uint8Array): InstrumentedModule {
  const sections = readSections(module);
  const layout = readModuleLayout(sections);
  const { globalExports, memoryExports, extra } = instrumentationOf(layout);
  const exportSection = writeExportSection([...layout.exports, ...extra.map(([name, kind, index]) => ({ name, kind, index }))]);
  const out = sections.slice();
  const existing = out.findIndex((s) => s.id === SectionId.export);
  if (existing >= 0) out[existing] = exportSection;
  else insertAfterLast(out, ORDER_BEFORE_EXPORT, exportSection);
  return { instrumented: writeModule(out), sections, layout, globalExports, memoryExports };
}

/**
 * The inverse of {@link instrumentModule} for a module it instrumented: its original sections
 * and layout, read back without the original binary (a returning visit keeps only the
 * instrumented one, which it compiles). The `__wizer_*` exports are the last ones; the export
 * section is re-encoded, which is how snapshotSections writes it anyway.
 */
export function readInstrumentedModule(instrumented: Uint8Array): Omit<InstrumentedModule, 'instrumented'> {
  const withExtra = readSections(instrumented);
  const { extra } = instrumentationOf(readModuleLayout(withExtra));
  const at = withExtra.findIndex((s) => s.id === SectionId.export);
  if (at < 0) throw new Error('not an instrumented module: no export section');
  const all = readExports(withExtra[at]!.body);
  const own = all.slice(0, all.length - extra.length);
  const tail = all.slice(own.length);
  if (tail.length !== extra.length || tail.some((e, i) => e.name !== extra[i]![0])) throw new Error('not an instrumented module: unexpected exports');
  const sections = withExtra.slice();
  if (own.length > 0) sections[at] = writeExportSection(own);
  else sections.splice(at, 1);
  const layout = readModuleLayout(sections);
  const { globalExports, memoryExports } = instrumentationOf(layout);
  return { sections, layout, globalExports, memoryExports };
}

function writeLimits(w: ByteWriter, l: MemoryLimits): void {
  w.byte(l.flags).u32(l.min);
  if (l.max !== undefined) w.u32(l.max);
  if (l.pageSizeLog2 !== undefined) w.u32(l.pageSizeLog2);
}

function writeConst(w: ByteWriter, v: SnapshotValue): void {
  const scratch = new DataView(new ArrayBuffer(8));
  if (v.type === 'i32') w.byte(0x41).sleb(BigInt(v.value | 0));
  else if (v.type === 'i64') w.byte(0x42).sleb(BigInt.asIntN(64, v.value));
  else if (v.type === 'f32') {
    scratch.setFloat32(0, v.value, true);
    w.byte(0x43).bytes(new Uint8Array(scratch.buffer, 0, 4));
  } else {
    scratch.setFloat64(0, v.value, true);
    w.byte(0x44).bytes(new Uint8Array(scratch.buffer, 0, 8));
  }
  w.byte(0x0b);
}

function rewriteData(body: Uint8Array | undefined, snapshot: ModuleSnapshot, memory64: boolean[]): Uint8Array {
  // Sized once for everything it can hold (a segment's header takes at most 24 bytes): the
  // snapshot's data is megabytes, and a growing writer copied it several times per build.
  const capacity = 16 + (body?.length ?? 0) + snapshot.segments.reduce((n, seg) => n + seg.data.length + 24, 0);
  const w = new ByteWriter(capacity);
  const r = body ? new ByteReader(body) : undefined;
  const existing = r ? r.u32() : 0;
  w.u32(existing + snapshot.segments.length);
  for (let i = 0; i < existing; i++) {
    const flag = r!.u32();
    if (flag === 2) r!.u32();
    if (flag !== 1) readConstExpr(r!);
    const data = r!.take(r!.u32());
    // Active segments were applied at instantiation and are part of the snapshot already.
    if (flag === 1) w.byte(1).u32(data.length).bytes(data);
    else w.byte(1).u32(0);
  }
  for (const seg of snapshot.segments) {
    if (seg.memoryIndex === 0) w.byte(0);
    else w.byte(2).u32(seg.memoryIndex);
    if (memory64[seg.memoryIndex]) w.byte(0x42).sleb(BigInt(seg.offset)).byte(0x0b);
    else w.byte(0x41).sleb(BigInt(seg.offset | 0)).byte(0x0b);
    w.u32(seg.data.length).bytes(seg.data);
  }
  return w.view();
}

/** Writes the pre-initialised module: the original sections with the snapshot baked in. */
export function rewriteWithSnapshot(
  source: Pick<InstrumentedModule, 'sections' | 'layout'>,
  snapshot: ModuleSnapshot,
  removeExports: readonly string[],
): Uint8Array {
  return writeModule(snapshotSections(source, snapshot, removeExports));
}

/**
 * The sections of {@link rewriteWithSnapshot}'s module, unwritten: only the state sections are
 * new, the rest are views into the original module. The fast Run path patches these straight
 * into an earlier build's core module without writing (and re-reading) the whole 12 MB binary.
 */
export function snapshotSections(
  source: Pick<InstrumentedModule, 'sections' | 'layout'>,
  snapshot: ModuleSnapshot,
  removeExports: readonly string[],
): RawSection[] {
  const { sections, layout } = source;
  const memory64 = [
    ...Array<boolean>(layout.importedMemories).fill(false),
    ...layout.memories.map((m) => (m.flags & 0x04) !== 0),
  ];
  const out: RawSection[] = [];
  let wroteData = false;
  let sawCode = false;
  for (const s of sections) {
    if (s.id === SectionId.code) sawCode = true;
    if (s.id === SectionId.start) continue;
    if (s.id === SectionId.memory) {
      const w = new ByteWriter().u32(layout.memories.length);
      layout.memories.forEach((m, i) => writeLimits(w, { ...m, min: Math.max(m.min, snapshot.memoryPages[i] ?? m.min) }));
      out.push({ id: s.id, body: w.finish() });
    } else if (s.id === SectionId.global) {
      const w = new ByteWriter().u32(layout.globals.length);
      for (const g of layout.globals) {
        w.bytes(g.valType).byte(g.mutable ? 1 : 0);
        const value = snapshot.globals.get(g.index);
        if (value) writeConst(w, value);
        else w.bytes(g.init);
      }
      out.push({ id: s.id, body: w.finish() });
    } else if (s.id === SectionId.export) {
      const kept = readExports(s.body).filter((e) => !removeExports.includes(e.name));
      const w = new ByteWriter().u32(kept.length);
      for (const e of kept) w.name(e.name).byte(e.kind).u32(e.index);
      out.push({ id: s.id, body: w.finish() });
    } else if (s.id === SectionId.dataCount) {
      const prev = new ByteReader(s.body).u32();
      out.push({ id: s.id, body: new ByteWriter().u32(prev + snapshot.segments.length).finish() });
    } else if (s.id === SectionId.data) {
      out.push({ id: s.id, body: rewriteData(s.body, snapshot, memory64) });
      wroteData = true;
    } else if (s.id === SectionId.custom && !wroteData && sawCode && customSectionName(s) === 'name') {
      // Tools expect the name section last, so the data section must precede it.
      out.push({ id: SectionId.data, body: rewriteData(undefined, snapshot, memory64) }, s);
      wroteData = true;
    } else out.push(s);
  }
  if (!wroteData) out.push({ id: SectionId.data, body: rewriteData(undefined, snapshot, memory64) });
  return out;
}
