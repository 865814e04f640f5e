import type { RunnableArtifact } from '../protocol/runProtocol';
import { sameBytes } from '../platform/sameBytes';

/** The module jco generates with `instantiation: { tag: 'async' }`. */
export interface GuestBindings {
  instantiate?: (
    getCoreModule: (name: string) => WebAssembly.Module | Promise<WebAssembly.Module>,
    imports: Record<string, unknown>,
    instantiateCore?: (module: WebAssembly.Module, imports?: WebAssembly.Imports) => WebAssembly.Instance | Promise<WebAssembly.Instance>,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/**
 * Files a spare run worker loaded before its run arrived: the JS bindings imported and the
 * small core modules compiled, from the files of the run before it. While a guest is being
 * edited, consecutive builds differ only in the guest's own core module (the build reuses
 * the bindings of the same shape byte for byte), so the next run finds its JS module and
 * adapter modules ready. Used only when the bytes are identical; anything else is loaded as
 * usual, so a stale preparation can cost time but never change what runs.
 */
export interface PreparedGuest {
  js: Prepared<GuestBindings>;
  /** The page checked that the run's JS bindings are `js.bytes` (RunRequest `bindingsPrepared`). */
  jsKnown?: boolean;
  cores: Map<string, Prepared<WebAssembly.Module>>;
}

/** One file loaded ahead: its bytes, the load under way, and its result once there. */
export interface Prepared<T> {
  bytes: Uint8Array;
  loading: Promise<T>;
  /** Set when `loading` resolved: taken without waiting (no promise hop). */
  ready?: T;
}

/**
 * Core modules above this size are not compiled ahead: a JavaScript guest's engine module
 * (~10 MB) changes with every build, and compiling it speculatively would only take CPU
 * from the build that is running at the same time.
 */
export const PRECOMPILE_MAX_BYTES = 512 * 1024;

/**
 * Core modules up to this size are compiled synchronously in the run worker: for a small
 * module the compile is shorter than the round trip through V8's background compile
 * threads that an async compile costs (several ms on a loaded machine). Larger ones (a
 * JavaScript guest's engine) compile async, on all cores.
 */
export const SYNC_COMPILE_MAX_BYTES = 1024 * 1024;

/**
 * Starts importing the JS entry and compiling the small core modules of `files`. What
 * `kept` (the last run of a recycled worker, see {@link keepLoaded}) holds for identical
 * bytes is taken as it is: that module and its compiled code are warm.
 */
export function prepareGuest(files: RunnableArtifact['files'], kept?: PreparedGuest): PreparedGuest | undefined {
  const js = files.find(([name]) => name.endsWith('.js'));
  if (!js) return undefined;
  const cores = new Map<string, Prepared<WebAssembly.Module>>();
  for (const [name, bytes] of files) {
    if (!name.endsWith('.wasm') || bytes.length > PRECOMPILE_MAX_BYTES) continue;
    const same = kept?.cores.get(name);
    if (same?.ready && sameBytes(same.bytes, bytes)) {
      cores.set(name, same);
      continue;
    }
    // Synchronously: an async compile waits for V8's background threads, which a loaded
    // machine may not schedule before the run arrives (measured: up to 200 ms).
    try {
      const module = new WebAssembly.Module(bytes as BufferSource);
      cores.set(name, { bytes, loading: Promise.resolve(module), ready: module });
    } catch {
      // Invalid bytes: the run compiles them itself and reports the error.
    }
  }
  const keptJs = kept?.js.ready && sameBytes(kept.js.bytes, js[1]) ? kept.js : undefined;
  return { js: keptJs ?? prepared(js[1], importBindings(js[1]).then(warmInstantiate)), cores };
}

/**
 * What a run takes from what its worker loaded before it arrived: the spare's preparation
 * when the page found it has the run's bindings (`jsKnown`); else what the worker's last
 * run kept, when those bindings are the run's (a stopped handler's worker taking the same
 * handler again, though the pool told it to prepare another guest meanwhile), with the
 * prepared core modules besides; else the preparation, checked byte for byte as it is used.
 */
export function pickLoadedAhead(files: RunnableArtifact['files'], prepared: PreparedGuest | undefined, kept: PreparedGuest | undefined, jsKnown: boolean): PreparedGuest | undefined {
  if (prepared && jsKnown) return { ...prepared, jsKnown: true };
  const js = files.find(([name]) => name.endsWith('.js'))?.[1];
  if (kept?.js.ready && js && sameBytes(kept.js.bytes, js)) return { js: kept.js, jsKnown: true, cores: new Map([...(prepared?.cores ?? []), ...kept.cores]) };
  return prepared ?? kept;
}

/**
 * What a run loaded (its JS module and small core modules), for a later run of the same
 * bindings in this worker once it is recycled. Reusing the module is sound because jco's
 * glue keeps its state inside `instantiate` (a new closure set per call); the one
 * module-level variable ours adds (plainExportsUnlessSuspending's count of Suspending
 * imports) only grows, so a later instance at worst takes the JSPI path it did not need.
 */
export function keepLoaded(jsBytes: Uint8Array, mod: GuestBindings, cores: Map<string, { bytes: Uint8Array; module: WebAssembly.Module }>): PreparedGuest {
  const kept: PreparedGuest = { js: { bytes: jsBytes, loading: Promise.resolve(mod), ready: mod }, cores: new Map() };
  for (const [name, { bytes, module }] of cores) {
    if (bytes.length <= PRECOMPILE_MAX_BYTES) kept.cores.set(name, { bytes, loading: Promise.resolve(module), ready: module });
  }
  return kept;
}

/**
 * Runs the start of the bindings' `instantiate` with a getCoreModule that refuses, so V8
 * compiles that (very long) function now rather than when the run calls it. It stops at
 * the first core module it asks for; what it made until then is local to the call and
 * dropped (jco keeps no state outside `instantiate`).
 */
function warmInstantiate(mod: GuestBindings): GuestBindings {
  if (typeof mod.instantiate !== 'function') return mod;
  const refuse = () => {
    throw new Error('preparing only');
  };
  try {
    Promise.resolve(mod.instantiate(refuse, {})).catch(() => undefined);
  } catch {
    // Expected: thrown by `refuse` (or by the bindings reading imports that are not there).
  }
  return mod;
}

function prepared<T>(bytes: Uint8Array, loading: Promise<T>): Prepared<T> {
  const entry: Prepared<T> = { bytes, loading };
  // A failed preparation is not an error of any run: the run loads the file itself.
  loading.then((v) => (entry.ready = v)).catch(() => undefined);
  return entry;
}

/** Imports generated JS from a Blob URL (the build never touches the network). */
export async function importBindings(bytes: Uint8Array): Promise<GuestBindings> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'text/javascript' }));
  try {
    return (await import(/* @vite-ignore */ url)) as GuestBindings;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * What was prepared for `bytes`, if these are the prepared bytes (`known`: the page compared
 * them already): the result itself when loaded, the load under way otherwise (undefined
 * when it failed: the caller loads anew).
 */
export function preparedFor<T>(entry: Prepared<T> | undefined, bytes: Uint8Array, known = false): T | Promise<T | undefined> | undefined {
  if (!entry || (!known && !sameBytes(entry.bytes, bytes))) return undefined;
  return entry.ready ?? entry.loading.catch(() => undefined);
}
