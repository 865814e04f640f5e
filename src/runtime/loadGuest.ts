import type { RunnableArtifact } from '../protocol/runProtocol';
import { ASYNC_TASKS_KEY, type ListAsyncTasks } from '../toolchain/exposeAsyncTasks';
import { isAsyncAbiGlue } from '../toolchain/isAsyncAbiGlue';
import { trackInstance } from './guestMemory';
import { importBindings, keepLoaded, preparedFor, SYNC_COMPILE_MAX_BYTES, type PreparedGuest } from './prepareGuest';

/**
 * Imports the generated JS from a Blob URL (the build never touches the network) and
 * instantiates it with the given import object. Core modules are compiled from the bytes
 * shipped with the artifact; what this worker loaded ahead from identical bytes (`prepared`,
 * see prepareGuest) is taken instead of loading it again. Small modules are compiled and
 * every module instantiated synchronously: jco's instantiate then runs to the end without
 * waiting for V8's background threads (one round trip per module otherwise). `lap` times
 * the steps; `keep` receives what was loaded (see keepLoaded), for a later run in this worker.
 */
export async function loadGuest(
  artifact: RunnableArtifact,
  imports: Record<string, unknown>,
  lap: (stage: string) => void = () => {},
  prepared?: PreparedGuest,
  keep?: (loaded: PreparedGuest) => void,
): Promise<Record<string, unknown>> {
  const noJspi = refuseWithoutJspi(artifact);
  if (noJspi) throw new Error(noJspi);
  const files = new Map(artifact.files);
  const jsEntry = artifact.files.find(([name]) => name.endsWith('.js'));
  if (!jsEntry) throw new Error('the build produced no JavaScript bindings');
  const pending = preparedFor(prepared?.js, jsEntry[1], prepared?.jsKnown);
  // "importAhead": the spare had imported these very bindings; "importWait": it still was.
  const waits = pending instanceof Promise;
  const ahead = await pending;
  lap(!ahead ? 'import' : waits ? 'importWait' : 'importAhead');
  const mod = ahead ?? (await importBindings(jsEntry[1]));
  if (typeof mod.instantiate !== 'function') throw new Error('generated bindings have no instantiate()');
  lap('import');
  const compiled = new Map<string, { bytes: Uint8Array; module: WebAssembly.Module }>();
  // Each module's bytes, for the memory maximum it declares (guestMemory.ts).
  const bytesOf = new Map<WebAssembly.Module, Uint8Array>();
  const from = (bytes: Uint8Array) => (module: WebAssembly.Module) => (bytesOf.set(module, bytes), module);
  let listTasks: ListAsyncTasks | undefined;
  const out: Record<string, unknown> = await mod.instantiate(
    (name) => {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`core module ${name} missing from the build`);
      const ahead = preparedFor(prepared?.cores.get(name), bytes);
      if (ahead instanceof WebAssembly.Module) {
        compiled.set(name, { bytes, module: ahead });
        return from(bytes)(ahead);
      }
      if (ahead) return ahead.then((m) => m ?? WebAssembly.compile(bytes as BufferSource)).then(from(bytes));
      if (bytes.length > SYNC_COMPILE_MAX_BYTES) return WebAssembly.compile(bytes as BufferSource).then(from(bytes));
      lap('instantiate');
      const module = from(bytes)(new WebAssembly.Module(bytes as BufferSource));
      compiled.set(name, { bytes, module });
      lap('compile');
      return module;
    },
    { ...imports, [ASYNC_TASKS_KEY]: (list: ListAsyncTasks) => (listTasks = list) },
    (module, imports) => {
      const instance = new WebAssembly.Instance(module, imports);
      trackInstance(instance, bytesOf.get(module));
      return instance;
    },
  );
  lap('instantiate');
  if (listTasks) {
    const list = listTasks;
    const atStart = new Set(list());
    Object.defineProperty(out, ASYNC_TASKS_KEY, { value: () => list().filter((t) => !atStart.has(t)).length });
  }
  keep?.(keepLoaded(jsEntry[1], mod, compiled));
  return out;
}

/** Finds an export by world-level name or by interface id (jco exposes both spellings in different versions). */
export function findExport(exports: Record<string, unknown>, iface: string, name: string): ((...args: unknown[]) => unknown) | undefined {
  const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (!iface) {
    const fn = exports[camel(name)] ?? exports[name];
    return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown) : undefined;
  }
  const short = iface.replace(/@.*$/, '');
  const ifaceName = short.slice(short.indexOf('/') + 1);
  for (const key of [iface, short, camel(ifaceName)]) {
    const obj = exports[key] as Record<string, unknown> | undefined;
    const fn = obj?.[camel(name)];
    if (typeof fn === 'function') return fn.bind(obj) as (...a: unknown[]) => unknown;
  }
  return undefined;
}

/**
 * jco's bindings suspend the guest with JSPI (WebAssembly.Suspending / promising); for a
 * WASI 0.3 component (async funcs, streams, futures) there is no other mode. Without JSPI
 * the component is refused here with the reason, instead of failing inside the bindings.
 */
export function refuseWithoutJspi(artifact: Pick<RunnableArtifact, 'files'>): string | undefined {
  const wasm = WebAssembly as unknown as { Suspending?: unknown; promising?: unknown };
  if (typeof wasm.Suspending === 'function' && typeof wasm.promising === 'function') return undefined;
  const js = artifact.files.find(([name]) => name.endsWith('.js'))?.[1];
  const p3 = js !== undefined && isAsyncAbiGlue(new TextDecoder().decode(js));
  return p3
    ? 'This component uses WASI 0.3 (component-model async: async func, stream or future). Running it needs JSPI (WebAssembly.Suspending), which this browser does not have: use a current Chromium-based browser.'
    : 'Running components here needs JSPI (WebAssembly.Suspending), which this browser does not have: use a current Chromium-based browser.';
}

/**
 * How many component-model tasks the instance behind `exports` started that have not exited
 * (0.3 glue, see toolchain/exposeAsyncTasks.ts; the tasks alive at instantiation not counted),
 * or undefined when its glue does not say (0.2 glue has no tasks; rewritten 0.3 glue always says).
 */
export function unfinishedTasks(exports: Record<string, unknown> | undefined): number | undefined {
  const count = (exports as { [ASYNC_TASKS_KEY]?: () => number } | undefined)?.[ASYNC_TASKS_KEY];
  return typeof count === 'function' ? count() : undefined;
}
