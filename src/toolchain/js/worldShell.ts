// The component of a world minus any guest: stubWasi, componentNew and metadataAdd run once per
// (WIT, world, features) on the spliced engine with an EMPTY snapshot baked in, and
// componentNew sees a "shell" of it (every function body `unreachable`, every data segment
// empty: 0.1 MB instead of 12 MB). A build then only patches its snapshot into the kept core
// (patchCoreModule, as the fast Run path does) and puts that core into the shell component.
// Sound because stubWasi, componentNew and jco's transpile treat a core module's code and state
// as opaque bytes: stubWasi's output for the empty snapshot differs from its output for a real
// one only in the state sections, and componentNew copies every non-custom section of the main
// module through unchanged (componentizeInBrowser.test.ts checks the result byte for byte
// against stubWasi + componentNew + transpile of the real snapshot). Cuts ~2 s of CPU from the first
// build of a world (A/B: first-build CPU 6.25 -> 4.09 s, bench/results/jsbuild-cold-2026-12-03-*).
import { COMPONENTIZE_JS_VERSION, type Splicer } from './loadJsToolchainAssets';
import { readConstExpr } from './readModuleLayout';
import { snapshotSections } from './rewriteSnapshot';
import type { PreparedModule } from './snapshotModule';
import { ByteReader, ByteWriter, SectionId, readSections, writeModule, type RawSection } from './wasmBinary';
import { COMPONENT_CORE_MODULE_SECTION, readWasmSections } from '../readWasmSections';
import { sameBytes } from '../../platform/sameBytes';

/** A world's component without a guest; see the file comment. */
export interface WorldShell {
  /** metadataAdd(componentNew(shell)): the real component once the guest's core replaces `mainIndex`. */
  component: Uint8Array;
  /** Which core module of `component` is the engine's. */
  mainIndex: number;
  /** The engine's core module as the component would hold it, with the empty snapshot (patch base). */
  baseCore: Uint8Array;
  timings: { stubWasiMs: number; componentNewMs: number };
}

/** Exports the snapshot removes (see snapshotJsGuest), so the template has the snapshot's exports. */
const INIT_EXPORTS = ['componentize.wizer', '_initialize'];

/** Every function body replaced by `unreachable`: the same function count and types, no code. */
function stubCode(body: Uint8Array): Uint8Array {
  const count = new ByteReader(body).u32();
  const w = new ByteWriter(8 + count * 4).u32(count);
  // Body size 3: no locals, `unreachable`, `end`.
  for (let i = 0; i < count; i++) w.byte(3).byte(0).byte(0x00).byte(0x0b);
  return w.finish();
}

/** Every data segment kept (indices, kinds, offsets) with no bytes. */
function emptyData(body: Uint8Array): Uint8Array {
  const r = new ByteReader(body);
  const count = r.u32();
  const w = new ByteWriter(16 + count * 16).u32(count);
  for (let i = 0; i < count; i++) {
    const flag = r.u32();
    w.u32(flag);
    if (flag === 2) w.u32(r.u32());
    if (flag !== 1) w.bytes(readConstExpr(r));
    r.take(r.u32());
    w.u32(0);
  }
  return w.finish();
}

/** The core modules of a component, in order (views). */
export function coreModules(component: Uint8Array): Uint8Array[] {
  const read = readWasmSections(component);
  if (read?.kind !== 'component') throw new Error('componentNew did not return a component');
  return read.sections.filter((s) => s.id === COMPONENT_CORE_MODULE_SECTION).map((s) => component.subarray(s.start, s.end));
}

/** The spliced engine with an empty snapshot baked in: the snapshot's layout, no state (input of shellFromTemplate). */
export function templateOf(prepared: Pick<PreparedModule, 'sections' | 'layout'>): Uint8Array {
  return writeModule(snapshotSections(prepared, { globals: new Map(), memoryPages: [], segments: [] }, INIT_EXPORTS));
}

/** What {@link shellFromTemplate} needs besides the template. */
export interface ShellInput {
  splicer: Splicer;
  /** The preview1 adapter (JsToolchainAssets['adapter']). */
  adapter: Uint8Array;
  features: readonly string[];
  witSource: string;
  worldName?: string;
  onStage?: (stage: 'stub-wasi' | 'component-new') => void;
  /** Awaited between stubWasi and componentNew (a build starts its helper worker there). */
  afterStubWasi?: () => Promise<void>;
}

/** Builds the world's shell component from its template (stages `stub-wasi`, `component-new`). */
export async function shellFromTemplate(template: Uint8Array, input: ShellInput): Promise<WorldShell> {
  const t0 = performance.now();
  input.onStage?.('stub-wasi');
  const stubbed = readSections(input.splicer.stubWasi(template, [...input.features] as Parameters<Splicer['stubWasi']>[1], input.witSource, undefined, input.worldName));
  const code = stubbed.find((s) => s.id === SectionId.code);
  if (!code) throw new Error('stubWasi returned a module without code');
  const stubbedCode = stubCode(code.body);
  const shell = writeModule(stubbed.map((s): RawSection => (s.id === SectionId.code ? { id: s.id, body: stubbedCode } : s.id === SectionId.data ? { id: s.id, body: emptyData(s.body) } : s)));
  await input.afterStubWasi?.();
  const t1 = performance.now();
  input.onStage?.('component-new');
  // Imported here so loading this module stays cheap (wasm-tools compiles 2.4 MB of wasm on import).
  const { componentNew, metadataAdd } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const component = await metadataAdd(await componentNew(shell, [['wasi_snapshot_preview1', input.adapter]]), [
    ['language', [['JavaScript', '']]],
    ['processed-by', [['ComponentizeJS', COMPONENTIZE_JS_VERSION]]],
  ]);
  // The engine's module is the one holding the stub code; its other sections are as componentNew left them.
  const modules = coreModules(component);
  const mainIndex = modules.findIndex((m) => readSections(m).some((s) => s.id === SectionId.code && sameBytes(s.body, stubbedCode)));
  if (mainIndex < 0) throw new Error('componentNew changed the engine module; cannot build from the world shell');
  const baseCore = writeModule(readSections(modules[mainIndex]!).map((s) => (s.id === SectionId.code ? code : s)));
  return { component, mainIndex, baseCore, timings: { stubWasiMs: t1 - t0, componentNewMs: performance.now() - t1 } };
}
