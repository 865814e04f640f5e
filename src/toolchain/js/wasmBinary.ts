// Minimal WebAssembly core-module binary reader/writer: just enough structure (sections, LEB128,
// names, limits, constant expressions) for the Wizer-style instrument/rewrite passes in
// rewriteSnapshot.ts. Everything not understood is copied through as raw bytes.

/** Section ids of the core module binary format. */
export const SectionId = {
  custom: 0, type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6,
  export: 7, start: 8, element: 9, code: 10, data: 11, dataCount: 12, tag: 13,
} as const;

/** One top-level section, as a view into the original module bytes. */
export interface RawSection {
  id: number;
  /** Section payload (without id and size). */
  readonly body: Uint8Array;
  /** Set on a section made by {@link deferredSection}: its body's length and how to write it. */
  readonly deferred?: { readonly size: number; write(out: Uint8Array, at: number): void };
}

/**
 * A section whose body {@link writeModule} writes straight into the module: a snapshot's data
 * section is megabytes of memory views, and building its body first meant one more fresh
 * buffer and one more copy per build. Reading `body` writes it out on demand (once).
 */
export function deferredSection(id: number, size: number, write: (out: Uint8Array, at: number) => void): RawSection {
  let body: Uint8Array | undefined;
  return {
    id,
    get body() {
      if (!body) write((body = new Uint8Array(size)), 0);
      return body;
    },
    deferred: { size, write },
  };
}

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encode = new TextEncoder();

/** Sequential reader over a byte array with wasm's variable-length integers. */
export class ByteReader {
  pos: number;
  constructor(readonly bytes: Uint8Array, start = 0, readonly end = bytes.length) {
    this.pos = start;
  }
  get done(): boolean {
    return this.pos >= this.end;
  }
  byte(): number {
    if (this.pos >= this.end) throw new Error(`wasm binary truncated at byte ${this.pos}`);
    return this.bytes[this.pos++]!;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new Error(`malformed LEB128 at byte ${this.pos}`);
    }
  }
  /** Signed LEB128 of any width, as bigint (i32 and i64 immediates). */
  sleb(): bigint {
    let result = 0n;
    let shift = 0n;
    let b: number;
    do {
      b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    if (b & 0x40) result -= 1n << shift;
    return result;
  }
  take(length: number): Uint8Array {
    if (this.pos + length > this.end) throw new Error(`wasm binary truncated at byte ${this.pos}`);
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }
  name(): string {
    return utf8.decode(this.take(this.u32()));
  }
}

/** Growable byte buffer with wasm encoders. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;
  /** `capacity`: bytes to allocate up front (a writer that never grows never copies). */
  constructor(capacity = 1024) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }
  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): this {
    this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }
  bytes(data: Uint8Array | readonly number[]): this {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
    return this;
  }
  u32(value: number): this {
    let v = value >>> 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
    return this;
  }
  sleb(value: bigint): this {
    let v = value;
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      const signBitClear = (b & 0x40) === 0;
      if ((v === 0n && signBitClear) || (v === -1n && !signBitClear)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }
  name(text: string): this {
    const encoded = utf8Encode.encode(text);
    return this.u32(encoded.length).bytes(encoded);
  }
  /** Writes a whole section: id, byte size, body. */
  section(id: number, body: Uint8Array): this {
    return this.byte(id).u32(body.length).bytes(body);
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
  /**
   * The bytes written, as a view of the writer's buffer (no copy): for large outputs that are
   * written once, where `finish()` would copy megabytes. Don't write after taking it.
   */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Splits a core module into its sections; rejects components and non-wasm input. */
export function readSections(module: Uint8Array): RawSection[] {
  for (let i = 0; i < MAGIC_AND_VERSION.length; i++) {
    if (module[i] !== MAGIC_AND_VERSION[i]) {
      throw new Error('not a WebAssembly core module (bad magic/version; components are not accepted here)');
    }
  }
  const reader = new ByteReader(module, MAGIC_AND_VERSION.length);
  const sections: RawSection[] = [];
  while (!reader.done) {
    const id = reader.byte();
    const size = reader.u32();
    sections.push({ id, body: reader.take(size) });
  }
  return sections;
}

/**
 * Concatenates sections back into a module binary, in a buffer from `allocate` (given the exact
 * length; a fresh array by default).
 */
export function writeModule(sections: readonly RawSection[], allocate: (length: number) => Uint8Array = (n) => new Uint8Array(n)): Uint8Array {
  const { total, sizes, headers } = layOut(sections);
  const out = allocate(total);
  out.set(MAGIC_AND_VERSION, 0);
  let pos = MAGIC_AND_VERSION.length;
  sections.forEach((s, i) => {
    out.set(headers[i]!, pos);
    pos += headers[i]!.length;
    if (s.deferred) s.deferred.write(out, pos);
    else out.set(s.body, pos);
    pos += sizes[i]!;
  });
  return out;
}

/** Byte length of the module {@link writeModule} would write from `sections`. */
export function moduleLength(sections: readonly RawSection[]): number {
  return layOut(sections).total;
}

function layOut(sections: readonly RawSection[]) {
  let total = MAGIC_AND_VERSION.length;
  const sizes = sections.map((s) => s.deferred?.size ?? s.body.length);
  const headers = sections.map((s, i) => {
    const header = new ByteWriter(16).byte(s.id).u32(sizes[i]!).finish();
    total += header.length + sizes[i]!;
    return header;
  });
  return { total, sizes, headers };
}

/** Name of a custom section (its first field). */
export function customSectionName(section: RawSection): string {
  return new ByteReader(section.body).name();
}
