// A world's shell (worldShell.ts) is built once per spliced world and kept on it: by the world's
// first full build, in the build worker (where the splicer has already run: a fresh worker would
// pay ~4 s to warm it up again), while the guest initialises in a helper worker where there is one.
import { loadSplicerAndAdapter } from './snapshotJsGuest';
import type { JsToolchainAssets } from './loadJsToolchainAssets';
import { shellFromTemplate, templateOf, type WorldShell } from './worldShell';
import type { SplicedWorld } from './spliceForWorld';

/** What a world's shell is built from besides its splice. */
export interface ShellSource {
  witSource: string;
  worldName?: string;
  /** Pre-loaded binaries (Node tests); the browser build loads them itself. */
  assets?: JsToolchainAssets;
  onStage?: (stage: 'stub-wasi' | 'component-new') => void;
  afterStubWasi?: () => Promise<void>;
}

/**
 * The world's shell, started once per spliced world (kept on it as `shell`). `fresh`: this call
 * started it (its timings belong to this build). A failure is not kept: the next build retries.
 */
export function startWorldShell(world: SplicedWorld, source: ShellSource): { shell: Promise<WorldShell>; fresh: boolean } {
  if (world.shell) return { shell: world.shell, fresh: false };
  const pending = (async () => {
    // After a splice read back from a cache or shipped with the site, the splicer and adapter
    // may not be loaded yet (the engine itself is not needed).
    const { splicer, adapter } = await loadSplicerAndAdapter(source.assets);
    return shellFromTemplate(templateOf(world.prepared), { splicer, adapter, features: world.features, witSource: source.witSource, worldName: source.worldName, onStage: source.onStage, afterStubWasi: source.afterStubWasi });
  })();
  world.shell = pending;
  pending.catch(() => {
    if (world.shell === pending) world.shell = undefined;
  });
  return { shell: pending, fresh: true };
}
