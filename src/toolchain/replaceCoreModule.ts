import { concat, u32 } from './moduleInterface';
import { COMPONENT_CORE_MODULE_SECTION, readWasmSections } from './readWasmSections';

/**
 * Replaces the core module at `index` of a component (top-level core module sections only):
 * the component's other sections are kept byte for byte. Used where a component is built
 * once for a shape and later builds only bring a new core module (the JS world shell, the
 * WAT component reuse).
 */
export function replaceCoreModule(component: Uint8Array, index: number, core: Uint8Array): Uint8Array {
  const read = readWasmSections(component);
  const target = read?.kind === 'component' ? read.sections.filter((s) => s.id === COMPONENT_CORE_MODULE_SECTION)[index] : undefined;
  if (!target) throw new Error(`the component has no core module ${index}`);
  // The section's header (id byte + LEB128 size) ends where its payload starts.
  let headerStart = target.start - 1;
  while (component[headerStart - 1]! & 0x80) headerStart--;
  headerStart--;
  return concat([component.subarray(0, headerStart), Uint8Array.of(COMPONENT_CORE_MODULE_SECTION), u32(core.length), core, component.subarray(target.end)]);
}
