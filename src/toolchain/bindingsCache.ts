import { sameBytes } from '../platform/sameBytes';
import { concat, moduleInterface, u32 } from './moduleInterface';
import { COMPONENT_CORE_MODULE_SECTION, COMPONENT_NESTED_COMPONENT_SECTION, readWasmSections } from './readWasmSections';

/**
 * jco's generated JS for a component reused across builds of the same "shape". An edit that
 * only changes what a guest's functions do yields a new core module inside an otherwise
 * identical component: the same types, imports, exports, canonical options, adapter modules'
 * interfaces and instantiation graph. jco's bindings depend on exactly those (they wire core
 * exports by name and lift/lower by the component's types), not on function bodies, so
 * `generate` (the largest step of a WAT build) is skipped and the new core modules are taken
 * from the new component itself. The key covers every byte of the component outside its core
 * modules, each core module's interface (see moduleInterface) and the generate options, so a
 * change of WIT, world, imports, exports or options never reuses stale bindings.
 */
export interface CachedBindings {
  /** Non-module files of the generated output (the JS entry, declarations), as jco named them. */
  files: ReadonlyArray<readonly [string, Uint8Array]>;
  /** jco's file name of each core module, in the order the modules appear in the component. */
  moduleNames: readonly string[];
  /** Every file name in jco's output order. */
  order: readonly string[];
  /** The component's WIT as componentWit printed it (same key: it depends on the types alone). */
  wit: string;
}

/** Few entries: one per guest being edited is the common case; each holds ≈150 KB of JS. */
const MAX_ENTRIES = 8;
const cache = new Map<string, { shape: Uint8Array; entry: CachedBindings }>();

/**
 * The core modules of a component in order, or undefined when a nested component holds core
 * modules too (jco would number those among them: not cached). Nested components without
 * modules are common: wit-component wraps exported interfaces that way.
 */
export function coreModulesOf(component: Uint8Array): Uint8Array[] | undefined {
  const read = readWasmSections(component);
  if (!read || read.kind !== 'component') return undefined;
  const nested = read.sections.filter((s) => s.id === COMPONENT_NESTED_COMPONENT_SECTION);
  if (nested.some((s) => !isModuleFree(component.subarray(s.start, s.end)))) return undefined;
  return read.sections.filter((s) => s.id === COMPONENT_CORE_MODULE_SECTION).map((s) => component.subarray(s.start, s.end));
}

/** A (nested) component with no core module anywhere inside it. */
function isModuleFree(component: Uint8Array): boolean {
  const read = readWasmSections(component);
  if (!read || read.kind !== 'component') return false;
  return read.sections.every((s) => s.id !== COMPONENT_CORE_MODULE_SECTION && (s.id !== COMPONENT_NESTED_COMPONENT_SECTION || isModuleFree(component.subarray(s.start, s.end))));
}

/**
 * The shape of a component for `options` (anything that changes generate's output), or
 * undefined when the component cannot be keyed safely (core modules inside nested
 * components, an encoding the reader does not know): such a build always runs generate.
 * Compared byte for byte on lookup (a few KB), so two shapes can never be confused.
 */
export function bindingsShape(component: Uint8Array, options: unknown): Uint8Array | undefined {
  const read = readWasmSections(component);
  if (!read || read.kind !== 'component') return undefined;
  const parts: Uint8Array[] = [new TextEncoder().encode(JSON.stringify(options)), component.subarray(0, 8)];
  for (const s of read.sections) {
    if (s.id === COMPONENT_NESTED_COMPONENT_SECTION && !isModuleFree(component.subarray(s.start, s.end))) return undefined;
    let payload = component.subarray(s.start, s.end);
    if (s.id === COMPONENT_CORE_MODULE_SECTION) {
      const iface = moduleInterface(payload);
      if (!iface) return undefined;
      payload = iface;
    }
    parts.push(Uint8Array.of(s.id), u32(payload.length), payload);
  }
  return concat(parts);
}

/** The bindings cached for `shape`, refreshed as most recently used. */
export function cachedBindings(shape: Uint8Array): CachedBindings | undefined {
  const key = hashOf(shape);
  const hit = cache.get(key);
  if (!hit || !sameBytes(hit.shape, shape)) return undefined;
  cache.delete(key);
  cache.set(key, hit);
  return hit.entry;
}

export function storeBindings(shape: Uint8Array, entry: CachedBindings): void {
  const key = hashOf(shape);
  cache.delete(key);
  cache.set(key, { shape, entry });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** FNV-1a over the shape, with its length: a map key only (hits are confirmed byte for byte). */
function hashOf(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}
