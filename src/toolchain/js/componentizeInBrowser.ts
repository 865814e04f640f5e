// componentize-js, minus Node: splice WIT bindings into the StarlingMonkey engine (cached per
// world), pre-initialise it with the user's source (snapshotModule replaces native Wizer), stub
// the WASI imports the features don't need, and wrap the core module into a component (once per
// world, on a shell of the engine: worldShell.ts).
import { patchCoreModule } from './patchCoreModule';
import { loadSplicerAndAssets, snapshotJsGuest, type GuestSnapshot, type JsGuestInput } from './snapshotJsGuest';
import { buildWorldShell, coreModules, replaceCoreModule, type WorldShell } from './worldShell';

export type { JsBuildStage } from './snapshotJsGuest';

/** Input of {@link componentizeJs}. */
export type ComponentizeJsInput = JsGuestInput;

/** Milliseconds per stage; `spliceMs`/`compileMs` are 0 when the world came from the cache. */
export interface JsBuildTimings extends Readonly<GuestSnapshot['timings']> {
  stubWasiMs: number;
  componentNewMs: number;
  /** The snapshot patched into the world shell's engine module. */
  patchMs: number;
  totalMs: number;
}

/** Output of {@link componentizeJs}. */
export interface ComponentizeJsResult {
  component: Uint8Array;
  /** What to transpile instead of `component` (same output, see ShellBindings). */
  bindings: ShellBindings;
  timings: JsBuildTimings;
  /** Anything the engine printed while initialising (top-level console output, warnings). */
  initOutput: string;
}

/**
 * The component's core modules as a build holds them (the guest's engine module in place), and
 * the shell component they replace: jco transpiles the shell and takes these modules, so the
 * 12 MB engine module is never parsed by componentNew or transpile (see worldShell.ts).
 */
export interface ShellBindings {
  shell: Uint8Array;
  modules: Uint8Array[];
}

/** The world's shell, built by its first full build and kept with the spliced world. */
function worldShellOf(snapshot: GuestSnapshot, input: Pick<JsGuestInput, 'witSource' | 'worldName' | 'onProgress' | 'assets'>): { shell: Promise<WorldShell>; fresh: boolean } {
  const world = snapshot.world;
  if (world.shell) return { shell: world.shell, fresh: false };
  const pending = (async () => {
    // After a splice read back from a cache the splicer and adapter are not loaded yet.
    const { splicer, assets } = await loadSplicerAndAssets(input.assets);
    return buildWorldShell(world.prepared, { splicer, assets, features: snapshot.features, witSource: input.witSource, worldName: input.worldName, onStage: input.onProgress });
  })();
  world.shell = pending;
  pending.catch(() => {
    if (world.shell === pending) world.shell = undefined;
  });
  return { shell: pending, fresh: true };
}

/**
 * Turns a guest snapshot into a component: the world's shell (stub unused WASI, adapt preview1,
 * add metadata; once per world) with the snapshot patched into its engine module.
 */
export async function finishComponent(
  snapshot: GuestSnapshot,
  input: Pick<JsGuestInput, 'witSource' | 'worldName' | 'onProgress' | 'assets'>,
): Promise<{ component: Uint8Array; bindings: ShellBindings; stubWasiMs: number; componentNewMs: number; patchMs: number }> {
  const found = worldShellOf(snapshot, input);
  const shell = await found.shell;
  const built = found.fresh ? shell.timings : { stubWasiMs: 0, componentNewMs: 0 };
  const t1 = performance.now();
  input.onProgress?.('patch');
  const core = patchCoreModule(shell.baseCore, snapshot.sections);
  const component = replaceCoreModule(shell.component, shell.mainIndex, core);
  const modules = coreModules(shell.component).map((m, i) => (i === shell.mainIndex ? core : m));
  return { component, bindings: { shell: shell.component, modules }, ...built, patchMs: performance.now() - t1 };
}

/** Builds a WebAssembly component from a JS guest entirely in the current JS realm (no server). */
export async function componentizeJs(input: ComponentizeJsInput): Promise<ComponentizeJsResult> {
  const started = performance.now();
  const snapshot = await snapshotJsGuest(input);
  const { component, bindings, stubWasiMs, componentNewMs, patchMs } = await finishComponent(snapshot, input);
  input.onProgress?.('done');
  return {
    component,
    bindings,
    initOutput: snapshot.initOutput,
    timings: { ...snapshot.timings, stubWasiMs, componentNewMs, patchMs, totalMs: performance.now() - started },
  };
}
