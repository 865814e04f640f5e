import { parseWit } from './parseWit';
import { resolveWorld } from './resolveWorld';
import type { WitParam, WitPos } from './witModel';

/** A world-level exported function the UI can offer to call. */
export interface WorldExportFunction {
  name: string;
  params: WitParam[];
  /** Rendered WIT result type; undefined when it returns nothing. */
  result?: string;
}

/** What the toolchain and runtime need to know about a world before transpiling. */
export interface AsyncNames {
  /** JSPI `asyncMode.val.imports`: every imported function, e.g. `wasi:keyvalue/store@0.2.0-draft2#open`. */
  imports: string[];
  /** JSPI `asyncMode.val.exports`: `run` for world functions, `ns:pkg/iface@v#fn` for interface exports. */
  exports: string[];
  /** Imported packages with versions (`wasi:keyvalue@0.2.0-draft2`), including ones only implied by `use`. */
  importedPackages: string[];
  /** Imported interface ids with versions, explicit and implied. */
  importedInterfaces: string[];
  /** Exported interface ids with versions. */
  exportedInterfaces: string[];
  /** World-level imported functions (the host must supply them by bare name). */
  worldImports: WorldExportFunction[];
  /** World-level exported functions. */
  worldExports: WorldExportFunction[];
}

/** Why names could not be derived, positioned in the joined source. */
export interface AsyncNamesError extends WitPos {
  message: string;
}

/**
 * Derives jco `generate({ asyncMode: { tag: 'jspi', val } })` lists from the joined source
 * (user text + nested packages, see `resolveWitDeps`). Every import is marked async so host
 * functions may return Promises; every export is wrapped with `WebAssembly.promising`.
 * Except a plain func whose result holds a `future<…>` (WASI 0.3's
 * `stdout.write-via-stream: func(stream<u8>) -> future<…>`): there the host's Promise IS the
 * future, and suspending the guest until it settles would deadlock it (the future settles
 * only after the guest has written the stream it is suspended before writing). And except
 * `wasi:cli/exit`: it never returns, the host throws to end the program, and jco-transpile
 * 0.15's suspending trampoline answers a throw by awaiting the task's completion, which
 * never comes, so a command that calls exit would hang instead of exiting.
 */
export function deriveAsyncNames(joinedSource: string, worldName: string): AsyncNames | AsyncNamesError {
  const parsed = parseWit(joinedSource);
  if (!parsed.ok) return parsed.error;
  const world = resolveWorld(parsed.doc, worldName);
  if ('message' in world) return { ...world.pos, message: world.message };
  const packageOf = (ifaceId: string): string => ifaceId.replace(/\/[^@]*/, '');
  const asExport = (f: { func: { name: string; params: WitParam[]; result?: string } }): WorldExportFunction => ({
    name: f.func.name, params: f.func.params, result: f.func.result,
  });
  return {
    imports: world.imports.filter((f) => !/\bfuture</.test(f.func.result ?? '') && !/^wasi:cli\/exit@/.test(f.interfaceId ?? '')).map((f) => f.jspiName),
    exports: world.exports.map((f) => f.jspiName),
    importedPackages: [...new Set(world.importedInterfaces.map(packageOf))],
    importedInterfaces: world.importedInterfaces,
    exportedInterfaces: world.exportedInterfaces,
    worldImports: world.imports.filter((f) => f.interfaceId === undefined).map(asExport),
    worldExports: world.exports.filter((f) => f.interfaceId === undefined).map(asExport),
  };
}
