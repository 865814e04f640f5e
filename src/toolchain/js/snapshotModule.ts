// Browser replacement for native Wizer: run a module's initialisation function once against an
// in-memory WASI preview1 environment, then write its memory and globals back into the binary.
import { createPreview1, type Preview1Options } from './createPreview1';
import { findDataSegments } from './findDataSegments';
import { instrumentModule, snapshotSections, type InstrumentedModule, type ModuleSnapshot, type SnapshotValue } from './rewriteSnapshot';
import { writeModule, type RawSection } from './wasmBinary';

/** An instrumented, compiled module, reusable for many snapshots (compile once per WIT world). */
export interface PreparedModule extends Omit<InstrumentedModule, 'instrumented'> {
  compiled: WebAssembly.Module;
}

/** Options for {@link snapshotModule}. */
export interface SnapshotOptions {
  /** The init export to run, e.g. `componentize.wizer`. `_initialize` runs first if exported. */
  initFunc: string;
  preview1: Preview1Options;
}

/** Result of {@link snapshotModule}. */
export interface SnapshotResult {
  /** The pre-initialised module (init export, `_initialize` and start section removed); written on first read. */
  readonly wasm: Uint8Array;
  /**
   * The same module as sections (state sections new, the rest views of the original). The data
   * section is written from the live memory when the module is (deferredSection): write it, or
   * read its `body`, before calling into `instance` again.
   */
  sections: RawSection[];
  /** The live instance after initialisation, e.g. to call a self-check export (see `sections`). */
  instance: WebAssembly.Instance;
  timings: { instantiateMs: number; initMs: number; snapshotMs: number; rewriteMs: number };
}

/** Instruments and compiles a module so that {@link snapshotModule} can read all of its state. */
export async function prepareModule(module: Uint8Array): Promise<PreparedModule> {
  const { instrumented, ...rest } = instrumentModule(module);
  const compiled = await WebAssembly.compile(instrumented as Uint8Array<ArrayBuffer>);
  // Only the compiled form is needed from here on; dropping the bytes saves ~10 MB per cached world.
  return { ...rest, compiled };
}

function trapImports(module: WebAssembly.Module, preview1: ReturnType<typeof createPreview1>): WebAssembly.Imports {
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  const wasiNames: string[] = [];
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== 'function') throw new Error(`cannot pre-initialise: unsupported ${imp.kind} import ${imp.module}.${imp.name}`);
    if (imp.module === 'wasi_snapshot_preview1') {
      wasiNames.push(imp.name);
      continue;
    }
    (imports[imp.module] ??= {})[imp.name] = () => {
      throw new Error(`${imp.module}#${imp.name} was called while pre-initialising; imports are only available when the component runs`);
    };
  }
  imports.wasi_snapshot_preview1 = preview1.createImports(wasiNames);
  return imports;
}

function readGlobal(global: WebAssembly.Global, valType: number, index: number): SnapshotValue {
  switch (valType) {
    case 0x7f: return { type: 'i32', value: global.value as number };
    case 0x7e: return { type: 'i64', value: global.value as bigint };
    case 0x7d: return { type: 'f32', value: global.value as number };
    case 0x7c: return { type: 'f64', value: global.value as number };
    default: throw new Error(`cannot snapshot mutable global ${index} of value type 0x${valType.toString(16)}`);
  }
}

/** What {@link captureInitializedState} reads a module's state through (all structured-cloneable). */
export interface CaptureTarget {
  compiled: WebAssembly.Module;
  memoryExports: readonly string[];
  /** Export name, global index and value type (first byte) of every defined mutable global. */
  globals: ReadonlyArray<readonly [string, number, number]>;
  importedMemories: number;
}

/** The capture target of a prepared module (no views into its 11 MB binary: it may be posted). */
export function captureTargetOf(prepared: PreparedModule): CaptureTarget {
  const globals = [...prepared.globalExports].map(([name, index]) => {
    const def = prepared.layout.globals.find((g) => g.index === index)!;
    return [name, index, def.valType[0]!] as const;
  });
  return { compiled: prepared.compiled, memoryExports: prepared.memoryExports, globals, importedMemories: prepared.layout.importedMemories };
}

/**
 * Instantiates the module, runs its initialisation and reads its state: the first half of
 * {@link snapshotModule}, which a helper worker can run alone (the snapshot's segments are views
 * of the live memory, valid until the instance runs again).
 */
export async function captureInitializedState(target: CaptureTarget, options: SnapshotOptions): Promise<{ instance: WebAssembly.Instance; state: ModuleSnapshot; timings: { instantiateMs: number; initMs: number; snapshotMs: number } }> {
  const t0 = performance.now();
  const preview1 = createPreview1(options.preview1);
  const instance = await WebAssembly.instantiate(target.compiled, trapImports(target.compiled, preview1));
  const memoryName = target.memoryExports[0];
  if (target.memoryExports.length !== 1 || !memoryName) {
    throw new Error(`cannot pre-initialise: expected exactly one defined memory, found ${target.memoryExports.length}`);
  }
  const memory = instance.exports[memoryName] as WebAssembly.Memory;
  preview1.bindMemory(memory);
  const t1 = performance.now();

  const initialize = instance.exports._initialize;
  if (typeof initialize === 'function' && options.initFunc !== '_initialize') initialize();
  const init = instance.exports[options.initFunc];
  if (typeof init !== 'function') throw new Error(`the module has no \`${options.initFunc}\` function export`);
  init();
  const t2 = performance.now();

  const globals = new Map<number, SnapshotValue>();
  for (const [name, index, valType] of target.globals) globals.set(index, readGlobal(instance.exports[name] as WebAssembly.Global, valType, index));
  const live = new Uint8Array(memory.buffer);
  // Views of the live memory: written into the data section before anything runs again.
  const segments = findDataSegments(live, target.importedMemories, memory);
  const state: ModuleSnapshot = { globals, memoryPages: [live.length / 65536], segments };
  return { instance, state, timings: { instantiateMs: t1 - t0, initMs: t2 - t1, snapshotMs: performance.now() - t2 } };
}

/** Instantiates a prepared module, runs its initialisation and returns the pre-initialised binary. */
export async function snapshotModule(prepared: PreparedModule, options: SnapshotOptions): Promise<SnapshotResult> {
  const { instance, state, timings } = await captureInitializedState(captureTargetOf(prepared), options);
  const t3 = performance.now();
  const sections = snapshotSections(prepared, state, [options.initFunc, '_initialize']);
  const t4 = performance.now();
  let wasm: Uint8Array | undefined;
  return {
    get wasm() {
      return (wasm ??= writeModule(sections));
    },
    sections,
    instance,
    timings: { ...timings, rewriteMs: t4 - t3 },
  };
}
