import { interfaceId, type WitDocument, type WitFunction, type WitInterface, type WitPackage, type WitPath, type WitPos, type WitUse, type WitWorld } from './witModel';

/** A function reachable through a world, with the name jco expects in JSPI lists. */
export interface ResolvedFunction {
  /** `wasi:keyvalue/store@0.2.0-draft2#[method]bucket.get`, or `run` for world-level functions. */
  jspiName: string;
  /** Full interface id, or the inline interface's name; undefined for world-level functions. */
  interfaceId?: string;
  func: WitFunction;
}

/** A world with includes flattened and the imports implied by `use` made explicit. */
export interface ResolvedWorld {
  world: WitWorld;
  /** Interface ids, e.g. `wasi:messaging/types@0.2.0-draft`, in discovery order. */
  importedInterfaces: string[];
  exportedInterfaces: string[];
  imports: ResolvedFunction[];
  exports: ResolvedFunction[];
}

/** Why a world could not be resolved, with the position of the offending reference. */
export interface ResolveWorldError {
  message: string;
  pos: WitPos;
  /** The identifier the message is about, for locating it in other text. */
  name: string;
}

interface Found {
  pkg: WitPackage;
  iface: WitInterface;
  id: string;
}

/**
 * Flattens `worldName` (looked up in the document's own package first, then in nested ones).
 * Like wasm-tools, an interface that a used interface depends on (`use types.{message}`) is
 * imported too, unless the world exports it — so its functions need JSPI wrapping as well.
 */
export function resolveWorld(doc: WitDocument, worldName: string): ResolvedWorld | ResolveWorldError {
  const home = doc.packages.find((p) => p.worlds.some((w) => w.name === worldName));
  const world = home?.worlds.find((w) => w.name === worldName);
  if (!home || !world) return { message: `world \`${worldName}\` not found`, pos: { line: 1, column: 1 }, name: worldName };
  const out: ResolvedWorld = { world, importedInterfaces: [], exportedInterfaces: [], imports: [], exports: [] };
  const found = new Map<string, Found>();
  const pendingUses: { uses: WitUse[]; pkg: WitPackage }[] = [];
  const seenWorlds = new Set<WitWorld>();

  const lookup = (path: WitPath, ctx: WitPackage): Found | ResolveWorldError => {
    const pkg = path.kind === 'local' ? ctx : findPackage(doc, path.namespace, path.package, path.version);
    if (!pkg) {
      const id = path.kind === 'foreign' ? `${path.namespace}:${path.package}${path.version ? `@${path.version}` : ''}` : '';
      return { message: `package '${id}' not found`, pos: path.pos, name: id };
    }
    const iface = pkg.interfaces.find((i) => i.name === path.name);
    if (!iface) return { message: `interface \`${path.name}\` not found in '${pkg.id}'`, pos: path.pos, name: path.name };
    const id = interfaceId(pkg, iface);
    found.set(id, { pkg, iface, id });
    return { pkg, iface, id };
  };

  const visitWorld = (w: WitWorld, ctx: WitPackage): ResolveWorldError | undefined => {
    if (seenWorlds.has(w)) return undefined;
    seenWorlds.add(w);
    pendingUses.push({ uses: w.uses, pkg: ctx });
    for (const item of w.items) {
      const fns = item.direction === 'import' ? out.imports : out.exports;
      if (item.kind === 'function') fns.push({ jspiName: item.func.jcoName, func: item.func });
      else if (item.kind === 'interface') {
        pendingUses.push({ uses: item.iface.uses, pkg: ctx });
        for (const func of item.iface.functions) fns.push({ jspiName: `${item.name}#${func.jcoName}`, interfaceId: item.name, func });
      } else {
        const f = lookup(item.path, ctx);
        if ('message' in f) return f;
        addOnce(item.direction === 'import' ? out.importedInterfaces : out.exportedInterfaces, f.id);
      }
    }
    for (const inc of w.includes) {
      const p = inc.path;
      const pkg = p.kind === 'local' ? ctx : findPackage(doc, p.namespace, p.package, p.version);
      const target = pkg?.worlds.find((x) => x.name === p.name);
      if (!pkg || !target) return { message: `world \`${p.name}\` not found for include`, pos: p.pos, name: p.name };
      const err = visitWorld(target, pkg);
      if (err) return err;
    }
    return undefined;
  };

  const err = visitWorld(world, home);
  if (err) return err;
  // Implied imports: everything `use`d (transitively) by what the world touches.
  const queue: { uses: WitUse[]; pkg: WitPackage }[] = [
    ...pendingUses,
    ...[...out.importedInterfaces, ...out.exportedInterfaces].map((id) => ({ uses: found.get(id)!.iface.uses, pkg: found.get(id)!.pkg })),
  ];
  while (queue.length) {
    const { uses, pkg } = queue.shift()!;
    for (const u of uses) {
      const f = lookup(u.path, pkg);
      if ('message' in f) return f;
      if (out.exportedInterfaces.includes(f.id) || out.importedInterfaces.includes(f.id)) continue;
      out.importedInterfaces.push(f.id);
      queue.push({ uses: f.iface.uses, pkg: f.pkg });
    }
  }
  for (const [list, ids] of [[out.imports, out.importedInterfaces], [out.exports, out.exportedInterfaces]] as const) {
    for (const id of ids) {
      for (const func of found.get(id)!.iface.functions) list.push({ jspiName: `${id}#${func.jcoName}`, interfaceId: id, func });
    }
  }
  return out;
}

/** Exact version match; a versionless reference matches only an unversioned package. */
export function findPackage(doc: WitDocument, namespace: string, name: string, version?: string): WitPackage | undefined {
  return doc.packages.find((p) => p.namespace === namespace && p.name === name && p.version === version);
}

function addOnce(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id);
}
