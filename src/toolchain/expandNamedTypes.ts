import { offsetsIn, type WitDocument, type WitInterface, type WitPath, type WitPos, type WitTypeDef, type WitWorld } from '../wit/witModel';

/** An interface or world whose names a type text is read in. */
type Scope = Pick<WitInterface | WitWorld, 'uses' | 'types'>;

/** How deep named types are followed: a cycle or an absurd chain stops here. */
const MAX_DEPTH = 8;
const NAME = /%?[a-z][\w-]*/gi;

/**
 * Type texts with their named types written out, so what a name hides is seen: `type bytes =
 * stream<u8>` and `record pair { a: stream<u8>, b: future<u32> }` each give their function
 * stream and future built-ins, numbered left to right through the definitions as
 * wit-component numbers them (`read: async func() -> bytes` has `[stream-read-0]read`;
 * `-> pair` has `[stream-read-0]` and `[future-read-1]`). Only type structure is kept: field
 * and case names are dropped, so a field named like a type is not taken for it. Names `use`d
 * from another interface of the document are followed there; unknown names stay as written.
 */
export function createTypeExpander(source: string, doc: WitDocument, offset: (p: WitPos) => number = offsetsIn(source)): (scope: Scope, text: string) => string {
  const bodies = new Map<WitTypeDef, string>();
  const bodyOf = (def: WitTypeDef): string => {
    let body = bodies.get(def);
    if (body === undefined) bodies.set(def, (body = structureOf(def, source.slice(offset(def.pos)))));
    return body;
  };
  const findInterface = (path: WitPath): WitInterface | undefined => {
    for (const pkg of doc.packages) {
      if (path.kind === 'foreign' && (pkg.namespace !== path.namespace || pkg.name !== path.package)) continue;
      const found = pkg.interfaces.find((i) => i.name === path.name);
      if (found) return found;
    }
    return undefined;
  };
  /** The definition `name` stands for in `scope`, with the scope its body is read in. */
  const lookup = (scope: Scope, name: string): [WitTypeDef, Scope] | undefined => {
    const own = scope.types.find((t) => t.name === name);
    if (own) return [own, scope];
    for (const use of scope.uses) {
      const item = use.names.find((n) => (n.as ?? n.name) === name);
      if (!item) continue;
      const target = findInterface(use.path);
      return target ? lookup(target, item.name) : undefined;
    }
    return undefined;
  };
  const expand = (scope: Scope, text: string, depth: number): string =>
    text.replace(NAME, (word) => {
      const found = depth < MAX_DEPTH ? lookup(scope, word.replace(/^%/, '')) : undefined;
      return found ? `(${expand(found[1], bodyOf(found[0]), depth + 1)})` : word;
    });
  return (scope, text) => expand(scope, text, 0);
}

/** The types a definition is made of, as text: an alias's type, a record's field types, a variant's payloads. */
function structureOf(def: WitTypeDef, from: string): string {
  const code = from.replace(/\/\/[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  if (def.kind === 'alias') return /=([^;]*);/.exec(code)?.[1] ?? '';
  if (def.kind !== 'record' && def.kind !== 'variant') return '';
  const body = /\{([^}]*)\}/.exec(code)?.[1] ?? '';
  if (def.kind === 'record') return body.replace(/%?[\w-]+\s*:/g, '');
  return [...body.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]).join(', ');
}
