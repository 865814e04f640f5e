import { readU32, readWasmSections } from './readWasmSections';

/** Core module section ids (WebAssembly core spec, binary format). */
const TYPE = 1;
const IMPORT = 2;
const FUNCTION = 3;
const EXPORT = 7;
/** Sections that only hold code, data, tables' contents or names: no part of a module's interface. */
const BODY_SECTIONS = new Set([0, 9, 10, 11, 12]);

/**
 * The interface of a core module as generated JS bindings see it: its imports and exports
 * by name, kind and type (function types spelled out, not by index), plus its memories,
 * tables, globals, start and tags verbatim. Function bodies, data, element segments, custom
 * sections, and which other functions and types exist are left out, so two builds of a guest
 * that differ only in what it does (or in helper functions added) have the same interface.
 * Returns undefined for an encoding this reader does not know (GC types, a malformed
 * section): the caller then treats the module as unknown, never as equal.
 */
export function moduleInterface(bytes: Uint8Array): Uint8Array | undefined {
  const read = readWasmSections(bytes);
  if (!read || read.kind !== 'module') return undefined;
  const section = (id: number) => {
    const s = read.sections.find((x) => x.id === id);
    return s ? bytes.subarray(s.start, s.end) : undefined;
  };
  const types = readFuncTypes(section(TYPE));
  const funcSection = section(FUNCTION);
  const funcTypes = funcSection ? readU32List(funcSection) : [];
  if (!types || !funcTypes) return undefined;
  const imports = resolveImports(section(IMPORT), types);
  if (!imports) return undefined;
  const exports = resolveExports(section(EXPORT), imports.funcs, funcTypes, types);
  if (!exports) return undefined;
  const parts: Uint8Array[] = [];
  for (const s of read.sections) {
    if (s.id > 13) return undefined;
    if (BODY_SECTIONS.has(s.id) || s.id === TYPE || s.id === FUNCTION || s.id === IMPORT || s.id === EXPORT) continue;
    parts.push(Uint8Array.of(s.id), u32(s.end - s.start), bytes.subarray(s.start, s.end));
  }
  parts.push(Uint8Array.of(IMPORT), u32(imports.bytes.length), imports.bytes, Uint8Array.of(EXPORT), u32(exports.length), exports);
  return concat(parts);
}

/** Each function type's encoding (0x60 params results); undefined for GC/rec types (not handled). */
function readFuncTypes(payload: Uint8Array | undefined): Uint8Array[] | undefined {
  if (!payload) return [];
  const count = readU32(payload, 0);
  if (!count) return undefined;
  const out: Uint8Array[] = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    if (payload[at] !== 0x60) return undefined;
    let next = at + 1;
    for (let vec = 0; vec < 2; vec++) {
      const n = readU32(payload, next);
      if (!n) return undefined;
      next = n.next;
      for (let k = 0; k < n.value; k++) next = skipRefType(payload, next);
    }
    if (next > payload.length) return undefined;
    out.push(payload.subarray(at, next));
    at = next;
  }
  return out;
}

/** The import section with type indices replaced by the types; counts the imported functions. */
function resolveImports(payload: Uint8Array | undefined, types: Uint8Array[]): { bytes: Uint8Array; funcs: number } | undefined {
  if (!payload) return { bytes: new Uint8Array(0), funcs: 0 };
  const count = readU32(payload, 0);
  if (!count) return undefined;
  const out: Uint8Array[] = [];
  let at = count.next;
  let funcs = 0;
  for (let i = 0; i < count.value; i++) {
    const from = at;
    for (let name = 0; name < 2; name++) {
      const len = readU32(payload, at);
      if (!len) return undefined;
      at = len.next + len.value;
    }
    const kind = payload[at++];
    if (kind === 0x00 || kind === 0x04) {
      // func: a type index; tag: an attribute byte, then a type index.
      if (kind === 0x04) at++;
      const index = readU32(payload, at);
      const type = index && types[index.value];
      if (!index || !type) return undefined;
      if (kind === 0x00) funcs++;
      out.push(payload.subarray(from, at), type);
      at = index.next;
      continue;
    }
    if (kind === 0x01) at = skipLimits(payload, skipRefType(payload, at));
    else if (kind === 0x02) at = skipLimits(payload, at);
    else if (kind === 0x03) at = skipRefType(payload, at) + 1;
    else return undefined;
    if (at > payload.length) return undefined;
    out.push(payload.subarray(from, at));
  }
  return { bytes: concat(out), funcs };
}

/** The export section with each defined function's index replaced by its type (re-exported imports keep their index). */
function resolveExports(payload: Uint8Array | undefined, importedFuncs: number, funcTypes: number[], types: Uint8Array[]): Uint8Array | undefined {
  if (!payload) return new Uint8Array(0);
  const count = readU32(payload, 0);
  if (!count) return undefined;
  const out: Uint8Array[] = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    const len = readU32(payload, at);
    if (!len) return undefined;
    const nameEnd = len.next + len.value;
    const kind = payload[nameEnd];
    const index = readU32(payload, nameEnd + 1);
    if (!index || kind === undefined) return undefined;
    out.push(payload.subarray(at, nameEnd + 1));
    if (kind === 0x00 && index.value >= importedFuncs) {
      const type = types[funcTypes[index.value - importedFuncs] ?? -1];
      if (!type) return undefined;
      out.push(Uint8Array.of(0xff), type);
    } else {
      out.push(u32(index.value));
    }
    at = index.next;
  }
  return concat(out);
}

/** A value or reference type: one byte, or 0x63/0x64 followed by a heap type (signed LEB). */
function skipRefType(b: Uint8Array, at: number): number {
  const t = b[at];
  return t === 0x63 || t === 0x64 ? skipLeb(b, at + 1) : at + 1;
}

/** Limits: a flags byte, the minimum, the maximum when flag 1 is set, a page size when flag 8 is. */
function skipLimits(b: Uint8Array, at: number): number {
  const flags = b[at];
  let next = skipLeb(b, at + 1);
  if (flags & 0x01) next = skipLeb(b, next);
  if (flags & 0x08) next = skipLeb(b, next);
  return next;
}

function skipLeb(b: Uint8Array, at: number): number {
  while (at < b.length && b[at] & 0x80) at++;
  return at + 1;
}

function readU32List(payload: Uint8Array): number[] | undefined {
  const count = readU32(payload, 0);
  if (!count) return undefined;
  const out: number[] = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    const v = readU32(payload, at);
    if (!v) return undefined;
    out.push(v.value);
    at = v.next;
  }
  return out;
}

/** Unsigned LEB128 encoding of `n`. */
export function u32(n: number): Uint8Array {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Uint8Array.from(out);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
