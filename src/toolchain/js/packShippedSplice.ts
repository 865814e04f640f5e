// One shipped world (scripts/shippedSplicesPlugin.mjs) as one file: the splicer's output for the
// world, exactly what a splice in the browser returns (spliceForWorld's StoredSplice), and the
// world's shell (worldShell.ts: stubWasi + componentNew over the spliced engine), exactly what the
// world's first build in the browser makes next. A build that takes it goes on as after its own
// splice, with the shell already there: the splicer is not needed at all (its first run in a page
// costs seconds, whether it splices or stubs). Layout: "WCPS", u32 LE length of the JSON part, the
// JSON (bindings' JS, export and import lists, the shell's sizes), then the spliced module, the
// shell component and the shell's base core module. Gzipped as a whole at build time; the worker
// decompresses it (fetchShippedSplice.ts).
import type { StoredSplice } from './spliceForWorld';
import type { WorldShell } from './worldShell';

/** A shipped world: its splice, and its shell. */
export interface ShippedSpliceBody extends StoredSplice {
  shell: Omit<WorldShell, 'timings'>;
}

const MAGIC = [0x57, 0x43, 0x50, 0x53]; // "WCPS"
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

interface JsonPart {
  jsBindings: string;
  exports: StoredSplice['exports'];
  imports: StoredSplice['imports'];
  wasmLength: number;
  componentLength: number;
  mainIndex: number;
}

/** The file's bytes (before compression). */
export function packShippedSplice(body: ShippedSpliceBody): Uint8Array {
  const { wasm, shell } = body;
  const part: JsonPart = { jsBindings: body.jsBindings, exports: body.exports, imports: body.imports, wasmLength: wasm.length, componentLength: shell.component.length, mainIndex: shell.mainIndex };
  const json = new TextEncoder().encode(JSON.stringify(part));
  const out = new Uint8Array(8 + json.length + wasm.length + shell.component.length + shell.baseCore.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  let at = 8;
  for (const piece of [json, wasm, shell.component, shell.baseCore]) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** Reads a packed world back; throws on anything that is not one (a damaged or foreign file). */
export function unpackShippedSplice(bytes: Uint8Array): ShippedSpliceBody {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a shipped splice');
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + jsonLength > bytes.length) throw new Error('shipped splice: truncated');
  const part = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + jsonLength))) as Partial<JsonPart>;
  if (typeof part.jsBindings !== 'string' || !Array.isArray(part.exports) || !Array.isArray(part.imports)) throw new Error('shipped splice: damaged metadata');
  const sizes = [part.wasmLength, part.componentLength];
  if (sizes.some((n) => typeof n !== 'number' || n < 8) || typeof part.mainIndex !== 'number') throw new Error('shipped splice: damaged metadata');
  const wasmAt = 8 + jsonLength;
  const componentAt = wasmAt + part.wasmLength!;
  const coreAt = componentAt + part.componentLength!;
  // Copies, each owning its buffer, as the splicer's and componentNew's outputs do: views into the
  // whole file would drag its ~22 MB into every postMessage of a small part (a clone copies the
  // view's whole buffer) and keep it alive as long as any part lives.
  const pieces = [bytes.slice(wasmAt, componentAt), bytes.slice(componentAt, coreAt), bytes.slice(coreAt)];
  // Each piece is a wasm binary (module, component, module): a length that is off shows here.
  if (pieces.some((p) => p.length < 8 || WASM_MAGIC.some((b, i) => p[i] !== b))) throw new Error('shipped splice: a part is not WebAssembly');
  const [wasm, component, baseCore] = pieces as [Uint8Array, Uint8Array, Uint8Array];
  return { wasm, jsBindings: part.jsBindings, exports: part.exports, imports: part.imports, shell: { component, mainIndex: part.mainIndex, baseCore } };
}
