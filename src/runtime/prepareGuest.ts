import type { RunnableArtifact } from '../protocol/runProtocol';

/** The module jco generates with `instantiation: { tag: 'async' }`. */
export interface GuestBindings {
  instantiate?: (getCoreModule: (name: string) => Promise<WebAssembly.Module>, imports: Record<string, unknown>) => Promise<Record<string, unknown>>;
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
  js: { name: string; bytes: Uint8Array; module: Promise<GuestBindings> };
  cores: Map<string, { bytes: Uint8Array; module: Promise<WebAssembly.Module> }>;
}

/**
 * Core modules above this size are not compiled ahead: a JavaScript guest's engine module
 * (~10 MB) changes with every build, and compiling it speculatively would only take CPU
 * from the build that is running at the same time.
 */
const PRECOMPILE_MAX_BYTES = 512 * 1024;

/** Starts importing the JS entry and compiling the small core modules of `files`. */
export function prepareGuest(files: RunnableArtifact['files']): PreparedGuest | undefined {
  const js = files.find(([name]) => name.endsWith('.js'));
  if (!js) return undefined;
  const module = importBindings(js[1]);
  // A failed preparation is not an error of any run: the run loads the files itself.
  module.catch(() => undefined);
  const cores = new Map<string, { bytes: Uint8Array; module: Promise<WebAssembly.Module> }>();
  for (const [name, bytes] of files) {
    if (!name.endsWith('.wasm') || bytes.length > PRECOMPILE_MAX_BYTES) continue;
    const compiled = WebAssembly.compile(bytes as BufferSource);
    compiled.catch(() => undefined);
    cores.set(name, { bytes, module: compiled });
  }
  return { js: { name: js[0], bytes: js[1], module }, cores };
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

/** The prepared module for `bytes` if it is the prepared one (same name, same bytes) and loaded fine. */
export async function preparedOrUndefined<T>(entry: { bytes: Uint8Array; module: Promise<T> } | undefined, bytes: Uint8Array): Promise<T | undefined> {
  if (!entry || !sameBytes(entry.bytes, bytes)) return undefined;
  return entry.module.catch(() => undefined);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
