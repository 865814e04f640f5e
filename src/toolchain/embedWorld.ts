import { componentEmbed } from '@bytecodealliance/jco-transpile/wasm-tools';
import type { WorldAnalysis } from './analyzeWit';
import { concat } from './moduleInterface';
import { customSectionNames, readWasmSections } from './readWasmSections';

/** An empty core module: magic and version. */
const EMPTY_MODULE = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0);

/**
 * `componentEmbed` appends to the core module one custom section that encodes the world
 * (`component-type:…`) and changes nothing else, so it is a function of the WIT alone. It
 * is computed once per world (by embedding into an empty module) and appended to each new
 * core module, which spares the WIT parse and world encoding on every build after an edit
 * of the guest's code. A module that carries its own `component-type` section takes the
 * full `componentEmbed` (which merges them).
 */
export async function embedWorld(core: Uint8Array, world: Pick<WorldAnalysis, 'source' | 'world'>): Promise<Uint8Array> {
  if (hasComponentType(core)) return componentEmbed({ binary: core, witSource: world.source, world: world.world });
  const key = `${world.world}\u0000${world.source}`;
  let tail = tails.get(key);
  if (!tail) {
    const embedded = await componentEmbed({ binary: EMPTY_MODULE, witSource: world.source, world: world.world });
    const sections = readWasmSections(embedded);
    // Only what this assumes (the module kept as it was, custom sections appended) is reused.
    const appendsOnly = sections?.kind === 'module' && embedded.subarray(0, 8).every((b, i) => b === EMPTY_MODULE[i]) && sections.sections.every((s) => s.id === 0);
    if (!appendsOnly) return componentEmbed({ binary: core, witSource: world.source, world: world.world });
    tail = embedded.slice(8);
    tails.set(key, tail);
    while (tails.size > 4) tails.delete(tails.keys().next().value!);
  }
  return concat([core, tail]);
}

/** Encoded worlds by WIT and world name (a few: one per world being edited). */
const tails = new Map<string, Uint8Array>();

/** The module carries a `component-type` custom section of its own (or cannot be read). */
export function hasComponentType(core: Uint8Array): boolean {
  const names = customSectionNames(core);
  // Unreadable: let componentEmbed report on it.
  return !names || names.some((name) => name.startsWith('component-type'));
}
