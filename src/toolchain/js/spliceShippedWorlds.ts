// Build-time side of the shipped splices (run in Node by scripts/shippedSplicesPlugin.mjs): the
// same splicer call as spliceForWorld's, over the same engine binary the site serves, and the
// same shell a world's first build makes (startWorldShell: templateOf → shellFromTemplate), for
// every world listShippedWorlds names. Never loaded by the site itself.
import { describe } from './spliceForWorld';
import { listShippedWorlds, type ShippedWorld } from './listShippedWorlds';
import { loadSplicer } from './loadJsToolchainAssets';
import { packShippedSplice } from './packShippedSplice';
import { instrumentModule } from './rewriteSnapshot';
import { shellFromTemplate, templateOf } from './worldShell';

/** One world spliced: its packed file (packShippedSplice, not yet compressed). */
export interface MadeSplice {
  world: ShippedWorld;
  packed: Uint8Array;
  ms: number;
}

/** Splices every shipped world (or `worlds`) into `engine` (starlingmonkey_embedding.wasm) and builds its shell with `adapter`. */
export async function spliceShippedWorlds(engine: Uint8Array, adapter: Uint8Array, worlds: readonly ShippedWorld[] = listShippedWorlds()): Promise<MadeSplice[]> {
  const splicer = await loadSplicer();
  const out: MadeSplice[] = [];
  for (const world of worlds) {
    const t0 = performance.now();
    let made: ReturnType<typeof splicer.spliceBindings>;
    try {
      made = splicer.spliceBindings(engine, [...world.features], world.witSource, undefined, world.worldName, false);
    } catch (err) {
      throw new Error(`splicing the world of ${world.guests.join(', ')} failed: ${describe(err)}`);
    }
    // The shell from the module as the browser prepares it (instrumentModule is prepareModule minus the compile).
    const { instrumented: _, ...layout } = instrumentModule(made.wasm);
    const { timings: __, ...shell } = await shellFromTemplate(templateOf(layout), { splicer, adapter, features: world.features, witSource: world.witSource, worldName: world.worldName });
    const packed = packShippedSplice({ wasm: made.wasm, jsBindings: made.jsBindings, exports: made.exports, imports: made.imports, shell });
    out.push({ world, packed, ms: performance.now() - t0 });
  }
  return out;
}
