import { binaryString } from '../platform/binaryString';
import { sameBytes } from '../platform/sameBytes';
import { coreModulesOf } from './bindingsCache';
import { hasComponentType } from './embedWorld';
import { concat, moduleInterface } from './moduleInterface';
import { customSectionNames, readWasmSections } from './readWasmSections';
import { replaceCoreModule } from './replaceCoreModule';

/**
 * A WAT guest's component reused across edits that keep the core module's interface.
 * componentNew (wit-component) decodes the world embedded in the module, checks the
 * module's imports and exports against it and wraps the module: canonical lifts and lowers,
 * shim and fixup modules, types, instances. All of that is a function of the world and the
 * module's interface (imports and exports with their types, memories, tables, globals,
 * start: see moduleInterface), not of function bodies, data or helper functions; the module
 * itself is copied into the component with only custom sections appended (wit-component's
 * `producers` section, when the module has none). So after an edit of what the guest's
 * functions do, the new component is the previous one with the new core module (plus the
 * same appended sections) in place of the old: componentNew is the largest step of a WAT
 * build after parse, 2–9 ms on a quiet machine, more for the proposal worlds, whose embedded
 * WIT is larger.
 *
 * Reused only when the previous component of the same world, interface and custom section
 * names held its core module as it was given plus custom sections after it (checked when it
 * is kept), so a componentNew that rewrote the module (an adapter, a module with its own
 * producers section to merge, a future wit-component) is never imitated.
 */
interface Kept {
  component: Uint8Array;
  /** Which core module of `component` is the guest's own. */
  index: number;
  /** The custom sections componentNew appended to the guest's module. */
  appended: Uint8Array;
}

/** Few entries: one per WAT guest being edited is the common case. */
const MAX_ENTRIES = 4;
const kept = new Map<string, Kept>();

/**
 * The component of `core` for `worldKey`: the kept one with `core` swapped in when one
 * fits, else `componentNew(embedded)` (whose result is kept when it qualifies). `reused`
 * says which. Errors of componentNew propagate unchanged.
 */
export async function watComponent(
  core: Uint8Array,
  worldKey: string,
  embed: () => Promise<Uint8Array>,
  componentNew: (embedded: Uint8Array) => Promise<Uint8Array>,
): Promise<{ component: Uint8Array; reused: boolean }> {
  // A module carrying its own world (merged by componentEmbed) is keyed by more than its interface.
  const iface = hasComponentType(core) ? undefined : moduleInterface(core);
  const names = customSectionNames(core);
  const key = iface && names && `${worldKey}\u0000${names.join('\u0000')}\u0000${binaryString(iface)}`;
  const hit = key !== undefined ? kept.get(key) : undefined;
  if (key !== undefined && hit) {
    // Most recently used last, so the oldest entry is the one evicted.
    kept.delete(key);
    kept.set(key, hit);
    return { component: replaceCoreModule(hit.component, hit.index, concat([core, hit.appended])), reused: true };
  }
  const component = await componentNew(await embed());
  const modules = key !== undefined ? (coreModulesOf(component) ?? []) : [];
  const index = modules.findIndex((m) => keptAsGiven(m, core));
  if (key !== undefined && index >= 0) {
    kept.set(key, { component, index, appended: modules[index]!.slice(core.length) });
    while (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  }
  return { component, reused: false };
}

/** `module` is `core` followed by custom sections only. */
function keptAsGiven(module: Uint8Array, core: Uint8Array): boolean {
  if (module.length < core.length || !sameBytes(module.subarray(0, core.length), core)) return false;
  const tail = readWasmSections(concat([module.subarray(0, 8), module.subarray(core.length)]));
  return tail?.kind === 'module' && tail.sections.every((s) => s.id === 0);
}
