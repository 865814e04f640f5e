// Wizer's two binary passes, reimplemented for the browser:
//  - instrument: export every defined mutable global and every defined memory under `__wizer_*`
//    names, because JS can only read module state through exports;
//  - rewrite: starting from the ORIGINAL module, bake the snapshot in — memory minimums grow to
//    the snapshot size, mutable global initialisers become constants, original active data
//    segments become empty passive ones (keeps data indices stable for memory.init/data.drop),
//    snapshot segments are appended, the start section and the init/_initialize exports go away.
import { ExternalKind, readExports, readModuleLayout, readConstExpr, type MemoryLimits, type ModuleLayout } from './readModuleLayout';
import { ByteReader, ByteWriter, SectionId, customSectionName, deferredSection, readSections, writeModule, type RawSection } from './wasmBinary';

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

/** {@link keptSegments} per original data section body (the same for every snapshot of a module). */
const keptSegmentsOf = new WeakMap<Uint8Array, { count: number; bytes: Uint8Array }>();

/**
 * The original module's data segments as a snapshot keeps them: passive ones as they are, active
 * ones (applied at instantiation, so part of the snapshot's memory already) as empty passive ones.
 * Kept per module: the engine has thousands, and decoding them was a fixed cost of every snapshot.
 */
function keptSegments(body: Uint8Array | undefined): { count: number; bytes: Uint8Array } {
  if (!body) return { count: 0, bytes: new Uint8Array(0) };
  const known = keptSegmentsOf.get(body);
  if (known) return known;
  const w = new ByteWriter(body.length + 16);
  const r = new ByteReader(body);
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const flag = r.u32();
    if (flag === 2) r.u32();
    if (flag !== 1) readConstExpr(r);
    const data = r.take(r.u32());
    if (flag === 1) w.byte(1).u32(data.length).bytes(data);
    else w.byte(1).u32(0);
  }
  const kept = { count, bytes: w.finish() };
  keptSegmentsOf.set(body, kept);
  return kept;
}

/** Writes `value` as unsigned LEB128 at `out[at]`; returns the position after it. */
function putU32(out: Uint8Array, at: number, value: number): number {
  let v = value >>> 0;
  for (;;) {
    const b = v & 0x7f;
    v >>>= 7;
    if (v === 0) {
      out[at++] = b;
      return at;
    }
    out[at++] = b | 0x80;
  }
}

/** Writes an i32 as signed LEB128 (the bytes ByteWriter.sleb writes for it, without BigInts). */
function putI32(out: Uint8Array, at: number, value: number): number {
  let v = value | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out[at++] = b;
      return at;
    }
    out[at++] = b | 0x80;
  }
}

/** Writes a snapshot segment's header (flags, offset expression, length); returns the position after it. */
function putSegmentHeader(out: Uint8Array, at: number, seg: DataSegment, memory64: boolean): number {
  let pos = at;
  if (seg.memoryIndex === 0) out[pos++] = 0;
  else {
    out[pos++] = 2;
    pos = putU32(out, pos, seg.memoryIndex);
  }
  if (memory64) {
    const offset = new ByteWriter(16).byte(0x42).sleb(BigInt(seg.offset)).byte(0x0b).view();
    out.set(offset, pos);
    pos += offset.length;
  } else {
    out[pos++] = 0x41;
    pos = putI32(out, pos, seg.offset);
    out[pos++] = 0x0b;
  }
  return putU32(out, pos, seg.data.length);
}

/**
 * The snapshot's data section: the original segments (kept) and one active segment per run of
 * live memory. Deferred (see deferredSection): its segments are written straight from memory into
 * the module, so they must be written (or `body` read) before the instance runs again.
 */
function dataSection(body: Uint8Array | undefined, snapshot: ModuleSnapshot, memory64: boolean[]): RawSection {
  const kept = keptSegments(body);
  const scratch = new Uint8Array(32);
  const count = kept.count + snapshot.segments.length;
  let size = putU32(scratch, 0, count) + kept.bytes.length;
  for (const seg of snapshot.segments) size += putSegmentHeader(scratch, 0, seg, memory64[seg.memoryIndex] === true) + seg.data.length;
  return deferredSection(SectionId.data, size, (out, at) => {
    let pos = putU32(out, at, count);
    out.set(kept.bytes, pos);
    pos += kept.bytes.length;
    for (const seg of snapshot.segments) {
      pos = putSegmentHeader(out, pos, seg, memory64[seg.memoryIndex] === true);
      out.set(seg.data, pos);
      pos += seg.data.length;
    }
  });
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
 * The data section is deferred: write it before `snapshot.segments` change (see dataSection).
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
      out.push(dataSection(s.body, snapshot, memory64));
      wroteData = true;
    } else if (s.id === SectionId.custom && !wroteData && sawCode && customSectionName(s) === 'name') {
      // Tools expect the name section last, so the data section must precede it.
      out.push(dataSection(undefined, snapshot, memory64), s);
      wroteData = true;
    } else out.push(s);
  }
  if (!wroteData) out.push(dataSection(undefined, snapshot, memory64));
  return out;
}
