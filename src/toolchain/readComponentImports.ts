import { readU32, readWasmSections } from './readWasmSections';

/** A top-level component section of imports (component binary format). */
const COMPONENT_IMPORT_SECTION = 10;

/**
 * The names of a component's top-level imports (`wasi:io/poll@0.2.3`, …) read straight from
 * its import sections, without printing its WIT: cheap enough for every build. A JS guest
 * imports base interfaces the playground's world does not name (componentize-js adds them
 * through the preview1 adapter), and the build must know them before generating bindings.
 * Returns undefined when the bytes are not a component this reader understands.
 */
export function readComponentImports(component: Uint8Array): string[] | undefined {
  const read = readWasmSections(component);
  if (!read || read.kind !== 'component') return undefined;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (const s of read.sections) {
    if (s.id !== COMPONENT_IMPORT_SECTION) continue;
    const count = readU32(component, s.start);
    if (!count) return undefined;
    let at = count.next;
    for (let i = 0; i < count.value; i++) {
      // importname': 0x00 name, or 0x01 name plus a version suffix (an older encoding).
      const prefix = component[at++];
      if (prefix !== 0x00 && prefix !== 0x01) return undefined;
      const len = readU32(component, at);
      if (!len || len.next + len.value > s.end) return undefined;
      names.push(decoder.decode(component.subarray(len.next, len.next + len.value)));
      at = len.next + len.value;
      if (prefix === 0x01) {
        const suffix = readU32(component, at);
        if (!suffix) return undefined;
        at = suffix.next + suffix.value;
      }
      const next = skipExternDesc(component, at);
      if (next === undefined) return undefined;
      at = next;
    }
    if (at !== s.end) return undefined;
  }
  return names;
}

/** Skips one externdesc; the offset after it, or undefined for an encoding not known here. */
function skipExternDesc(bytes: Uint8Array, at: number): number | undefined {
  const kind = bytes[at++];
  switch (kind) {
    case 0x00: // core module: 0x11 typeidx
      return bytes[at] === 0x11 ? readU32(bytes, at + 1)?.next : undefined;
    case 0x01: // func typeidx
    case 0x04: // component typeidx
    case 0x05: // instance typeidx
      return readU32(bytes, at)?.next;
    case 0x03: // type bound: eq typeidx, or sub resource
      if (bytes[at] === 0x00) return readU32(bytes, at + 1)?.next;
      return bytes[at] === 0x01 ? at + 1 : undefined;
    case 0x02: // value bound: eq valueidx, or a value type (a primitive: one negative s33 byte; or a typeidx)
      if (bytes[at] === 0x00) return readU32(bytes, at + 1)?.next;
      if (bytes[at] !== 0x01) return undefined;
      return (bytes[at + 1]! & 0xc0) === 0x40 ? at + 2 : readU32(bytes, at + 1)?.next;
    default:
      return undefined;
  }
}
