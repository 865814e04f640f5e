// Decodes the parts of a core module that pre-initialisation touches: import counts (to know the
// global/memory index spaces), memories, globals, exports and data segments.
import { ByteReader, SectionId, type RawSection } from './wasmBinary';

/** Memory limits as encoded (flags keep the shared/memory64/page-size bits intact). */
export interface MemoryLimits {
  flags: number;
  min: number;
  max?: number;
  pageSizeLog2?: number;
}

/** A module-defined global. `valType` is the raw value-type encoding. */
export interface DefinedGlobal {
  index: number;
  valType: Uint8Array;
  mutable: boolean;
  /** Raw constant expression including the final `end`. */
  init: Uint8Array;
}

/** One export entry. Kinds: 0 func, 1 table, 2 memory, 3 global, 4 tag. */
export interface ExportEntry {
  name: string;
  kind: number;
  index: number;
}

/** The decoded layout of a core module. */
export interface ModuleLayout {
  importedGlobals: number;
  importedMemories: number;
  memories: MemoryLimits[];
  globals: DefinedGlobal[];
  exports: ExportEntry[];
}

export const ExternalKind = { func: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

export function readLimits(r: ByteReader): MemoryLimits {
  const flags = r.byte();
  if (flags & ~0x0f) throw new Error(`unsupported limits flags 0x${flags.toString(16)}`);
  const limits: MemoryLimits = { flags, min: r.u32() };
  if (flags & 0x01) limits.max = r.u32();
  if (flags & 0x08) limits.pageSizeLog2 = r.u32();
  return limits;
}

/** Reads a value type and returns its raw bytes (reference types carry a heap type). */
export function readValType(r: ByteReader): Uint8Array {
  const start = r.pos;
  const code = r.byte();
  if (code === 0x63 || code === 0x64) r.sleb();
  return r.bytes.subarray(start, r.pos);
}

/** Skips a constant expression (MVP + extended-const + ref + v128) and returns its bytes. */
export function readConstExpr(r: ByteReader): Uint8Array {
  const start = r.pos;
  for (;;) {
    const op = r.byte();
    if (op === 0x0b) return r.bytes.subarray(start, r.pos);
    if (op === 0x41 || op === 0x42) r.sleb();
    else if (op === 0x43) r.take(4);
    else if (op === 0x44) r.take(8);
    else if (op === 0x23 || op === 0xd2) r.u32();
    else if (op === 0xd0) r.sleb();
    else if (op === 0xfd && r.u32() === 12) r.take(16);
    else if (![0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(op)) {
      throw new Error(`unsupported opcode 0x${op.toString(16)} in constant expression`);
    }
  }
}

function readImports(body: Uint8Array, layout: ModuleLayout): void {
  const r = new ByteReader(body);
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === ExternalKind.func) r.u32();
    else if (kind === ExternalKind.table) {
      readValType(r);
      readLimits(r);
    } else if (kind === ExternalKind.memory) {
      readLimits(r);
      layout.importedMemories++;
    } else if (kind === ExternalKind.global) {
      readValType(r);
      r.byte();
      layout.importedGlobals++;
    } else if (kind === ExternalKind.tag) {
      r.byte();
      r.u32();
    } else throw new Error(`unknown import kind ${kind}`);
  }
}

export function readExports(body: Uint8Array): ExportEntry[] {
  const r = new ByteReader(body);
  const out: ExportEntry[] = [];
  for (let n = r.u32(); n > 0; n--) out.push({ name: r.name(), kind: r.byte(), index: r.u32() });
  return out;
}

/** Decodes the layout from already-split sections. */
export function readModuleLayout(sections: readonly RawSection[]): ModuleLayout {
  const layout: ModuleLayout = { importedGlobals: 0, importedMemories: 0, memories: [], globals: [], exports: [] };
  for (const s of sections) {
    if (s.id === SectionId.import) readImports(s.body, layout);
    else if (s.id === SectionId.memory) {
      const r = new ByteReader(s.body);
      for (let n = r.u32(); n > 0; n--) layout.memories.push(readLimits(r));
    } else if (s.id === SectionId.global) {
      const r = new ByteReader(s.body);
      for (let n = r.u32(), i = 0; i < n; i++) {
        const valType = readValType(r);
        const mutable = r.byte() === 1;
        layout.globals.push({ index: layout.importedGlobals + i, valType, mutable, init: readConstExpr(r) });
      }
    } else if (s.id === SectionId.export) layout.exports = readExports(s.body);
  }
  return layout;
}
