/** One section of a WebAssembly binary: its id and where its payload lies in the bytes. */
export interface WasmSection {
  id: number;
  /** Offset of the payload (after the id byte and the size). */
  start: number;
  /** Offset just past the payload. */
  end: number;
}

/** A top-level component section holding a core module (component binary format). */
export const COMPONENT_CORE_MODULE_SECTION = 1;
/** A top-level component section holding a nested component. */
export const COMPONENT_NESTED_COMPONENT_SECTION = 4;

/**
 * Splits a core module or a component into its top-level sections, without decoding them.
 * Returns undefined for bytes that are not a well-formed sequence of sections (the caller
 * then takes its slow path; validation is wasm-tools' and V8's job, not this reader's).
 */
export function readWasmSections(bytes: Uint8Array): { kind: 'module' | 'component'; sections: WasmSection[] } | undefined {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) return undefined;
  // Version 1 with layer 0 is a core module; the component encoding has layer 1.
  const kind = bytes[6] === 0 && bytes[7] === 0 ? 'module' : bytes[6] === 1 && bytes[7] === 0 ? 'component' : undefined;
  if (!kind) return undefined;
  const sections: WasmSection[] = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = readU32(bytes, at);
    if (!size) return undefined;
    const start = size.next;
    const end = start + size.value;
    if (end > bytes.length) return undefined;
    sections.push({ id, start, end });
    at = end;
  }
  return { kind, sections };
}

/** An unsigned LEB128 u32 at `at`: its value and the offset after it (undefined if malformed). */
export function readU32(bytes: Uint8Array, at: number): { value: number; next: number } | undefined {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (at >= bytes.length) return undefined;
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return value <= 0xffffffff ? { value, next: at } : undefined;
  }
  return undefined;
}

/** The names of a module's (or component's) custom sections in order, or undefined when unreadable. */
export function customSectionNames(core: Uint8Array): string[] | undefined {
  const read = readWasmSections(core);
  if (!read) return undefined;
  const names: string[] = [];
  for (const s of read.sections) {
    if (s.id !== 0) continue;
    const len = readU32(core, s.start);
    if (!len) return undefined;
    names.push(new TextDecoder().decode(core.subarray(len.next, len.next + len.value)));
  }
  return names;
}
