// componentize-js, minus Node: splice WIT bindings into the StarlingMonkey engine (cached per
// world), pre-initialise it with the user's source (snapshotModule replaces native Wizer), stub
// the WASI imports the features don't need, and wrap the core module into a component (once per
// world, on a shell of the engine: worldShell.ts).
import { patchCoreModule } from './patchCoreModule';
import { snapshotJsGuest, type GuestSnapshot, type JsGuestInput } from './snapshotJsGuest';
import type { SplicedWorld } from './spliceForWorld';
import { startWorldShell } from './startWorldShell';
import { replaceCoreModule } from '../replaceCoreModule';
import { coreModules } from './worldShell';

export type { JsBuildStage } from './snapshotJsGuest';

/** Input of {@link componentizeJs}. */
export type ComponentizeJsInput = JsGuestInput;

/** Milliseconds per stage; `spliceMs`/`compileMs` are 0 when the world came from the cache. */
export interface JsBuildTimings extends Readonly<GuestSnapshot['timings']> {
  stubWasiMs: number;
  componentNewMs: number;
  /** Waiting for the world's shell after the snapshot (it overlaps the initialisation in a browser). */
  shellWaitMs: number;
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

/**
 * Turns a guest snapshot into a component: the world's shell (stub unused WASI, adapt preview1,
 * add metadata; once per world) with the snapshot patched into its engine module.
 */
export async function finishComponent(
  snapshot: GuestSnapshot,
  input: Pick<JsGuestInput, 'witSource' | 'worldName' | 'onProgress' | 'assets'>,
  /** This build built the shell while the guest initialised (componentizeJs, in a browser). */
  startedEarly = false,
): Promise<{ component: Uint8Array; bindings: ShellBindings; stubWasiMs: number; componentNewMs: number; shellWaitMs: number; patchMs: number }> {
  const t0 = performance.now();
  const found = startWorldShell(snapshot.world, { ...input, onStage: input.onProgress });
  const shell = await found.shell;
  const built = found.fresh || startedEarly ? shell.timings : { stubWasiMs: 0, componentNewMs: 0 };
  const t1 = performance.now();
  input.onProgress?.('patch');
  const core = patchCoreModule(shell.baseCore, snapshot.sections);
  const component = replaceCoreModule(shell.component, shell.mainIndex, core);
  const modules = coreModules(shell.component).map((m, i) => (i === shell.mainIndex ? core : m));
  return { component, bindings: { shell: shell.component, modules }, ...built, shellWaitMs: t1 - t0, patchMs: performance.now() - t1 };
}

/**
 * Builds a WebAssembly component from a JS guest entirely in the current JS realm (no server).
 * A world's first full build in a browser worker builds the world's shell (and, through
 * `prepareBindings`, its transpiled bindings) here while the guest initialises in a helper worker.
 */
export async function componentizeJs(input: ComponentizeJsInput & { prepareBindings?: (shell: Uint8Array) => Promise<void> }): Promise<ComponentizeJsResult> {
  const started = performance.now();
  let startedEarly = false;
  // Only where the world's shell is still to be built, or its bindings (a shell shipped with the
  // site, fetchShippedSplice.ts): otherwise there is nothing to overlap.
  const alongside = (world: SplicedWorld, startHelper: () => Promise<void>) => {
    const shipped = world.shell;
    if (shipped) {
      if (!world.shellBindingsDue || !input.prepareBindings) return undefined;
      world.shellBindingsDue = false;
      return async () => {
        await startHelper();
        await input.prepareBindings?.((await shipped).component);
      };
    }
    return async () => {
      // Stages are not reported: the build is in `initialize` until the helper is done.
      const found = startWorldShell(world, { witSource: input.witSource, worldName: input.worldName, assets: input.assets, afterStubWasi: startHelper });
      startedEarly = found.fresh;
      const shell = await found.shell;
      await input.prepareBindings?.(shell.component);
    };
  };
  const snapshot = await snapshotJsGuest({ ...input, alongside });
  const { component, bindings, stubWasiMs, componentNewMs, shellWaitMs, patchMs } = await finishComponent(snapshot, input, startedEarly);
  input.onProgress?.('done');
  return {
    component,
    bindings,
    initOutput: snapshot.initOutput,
    timings: { ...snapshot.timings, stubWasiMs, componentNewMs, shellWaitMs, patchMs, totalMs: performance.now() - started },
  };
}
