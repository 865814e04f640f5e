import { parseWit } from '../wit/parseWit';
import { resolveWorld, type ResolvedFunction } from '../wit/resolveWorld';

/**
 * A function of the world whose values cross the component boundary through the guest's
 * linear memory, as the canonical ABI lays them out: what needs the module's `memory` or
 * `cabi_realloc` export, named so a learner sees why a module without one does not build.
 */
export interface MemoryUse {
  /** As WIT writes it: `run`, `bucket.get`. */
  name: string;
  direction: 'import' | 'export';
  /** The interface's id or inline name (`local:app/api`); undefined for a world-level function. */
  interfaceId?: string;
  /** The parameter (`name: string`) or the result that goes through memory. */
  part: { kind: 'param'; name: string; type: string } | { kind: 'result'; type: string };
}

/** A WIT type that is a pointer and a length into memory, or holds one. */
const IN_MEMORY = /\bstring\b|\blist</;

/**
 * The first function the module exports or imports whose signature visibly puts a string or
 * a list in memory, in the order a learner meets them: an export's result (the canonical ABI
 * lesson's `run: func() -> string`), an export's parameter, an import's parameter, an import's
 * result. `need`: `memory` (anything in memory) or `realloc` (only what the host writes into
 * the guest: an export's parameters, an import's results). Undefined when none is visible (a
 * type alias or record holding a string), or the WIT does not resolve.
 */
export function findMemoryUse(worldSource: string, worldName: string, watSource: string, need: 'memory' | 'realloc'): MemoryUse | undefined {
  const parsed = parseWit(worldSource);
  if (!parsed.ok) return undefined;
  const world = resolveWorld(parsed.doc, worldName);
  if ('message' in world) return undefined;
  const imported = new Set([...stripComments(watSource).matchAll(/\(\s*import\s+"([^"]*)"\s+"([^"]*)"/g)].map((m) => `${m[1]}\u0000${m[2]}`));
  const imports = world.imports.filter((f) => imported.has(`${f.interfaceId ?? '$root'}\u0000${f.func.jcoName}`));
  const order: [ResolvedFunction[], 'import' | 'export', 'param' | 'result'][] =
    need === 'realloc'
      ? [[world.exports, 'export', 'param'], [imports, 'import', 'result']]
      : [[world.exports, 'export', 'result'], [world.exports, 'export', 'param'], [imports, 'import', 'param'], [imports, 'import', 'result']];
  for (const [fns, direction, kind] of order) {
    for (const { func, interfaceId } of fns) {
      const name = func.resource && func.kind !== 'freestanding' ? `${func.resource}.${func.name}` : func.name;
      if (kind === 'result' && func.result && IN_MEMORY.test(func.result)) return { name, direction, interfaceId, part: { kind, type: func.result } };
      const param = kind === 'param' ? func.params.find((p) => IN_MEMORY.test(p.type)) : undefined;
      if (param) return { name, direction, interfaceId, part: { kind, name: param.name, type: param.type } };
    }
  }
  return undefined;
}

/** WAT without its `;;` line comments, so a comment naming an import or a memory is not taken for one. */
export function stripComments(wat: string): string {
  return wat.replace(/;;[^\n]*/g, '');
}
