import playground from './hosts/playground.json';
import spin from './hosts/spin.json';
import wasmcloud from './hosts/wasmcloud.json';
import wasmtime from './hosts/wasmtime.json';

/** What one real host serves, as reviewed from its sources (src/compat/hosts/*.json). */
export interface HostWorld {
  id: string;
  name: string;
  /** Where the data was read (URLs or paths). */
  sources: string[];
  /** Date the sources were read (YYYY-MM-DD). */
  reviewed: string;
  /** `ns:pkg@0.2` entries: the host accepts every 0.2.x patch version of these packages. */
  anyPatch: string[];
  /** Package id (`ns:pkg@version`, or `ns:pkg@0.2` for anyPatch ones) → interfaces it imports to / accepts exports of. */
  packages: Record<string, { imports?: string[]; exports?: string[] }>;
  /** What the review found that the table cannot express (shown under the table). */
  notes?: string[];
  /** Said of an import the host does not build in, when it can still be linked some other way. */
  otherImports?: string;
}

/** The hosts of the "Where would this run?" table, in column order. */
export const hostWorlds: readonly HostWorld[] = [playground, wasmtime, spin, wasmcloud];

/** How one of a component's imports or exports fares on one host. */
export type CompatStatus = 'links' | 'version' | 'shape' | 'missing';

/** One cell of the table. */
export interface CompatCell {
  status: CompatStatus;
  /** What the host has instead, or why not (shown as the cell's text). */
  note?: string;
}

/** One row: an import or export of the component, with a cell per host. */
export interface CompatRow {
  direction: 'import' | 'export';
  /** `ns:pkg/iface@version` as the component names it. */
  id: string;
  cells: Record<string, CompatCell>;
  /** A known trap for this package (draft vs draft2, the two wasi:messaging shapes). */
  hint?: string;
}

const SPLIT = /^([\w-]+:[\w-]+)\/([\w-]+)(?:@(.+))?$/;

/** Interfaces of the 2023 wasi:messaging@0.2.0-draft (consumer shape), not in today's draft. */
const MESSAGING_2023 = new Set(['consumer', 'messaging-guest']);

function hintFor(pkg: string, iface: string, version: string): string | undefined {
  if (pkg === 'wasi:keyvalue' && version.startsWith('0.2.0-draft'))
    return 'wasi:keyvalue 0.2.0-draft (u64 cursor and increment; Wasmtime, wasmCloud) and 0.2.0-draft2 (string cursor, s64 increment, compare-and-swap; Spin) are not link-compatible.';
  if (pkg === 'wasi:messaging' && version === '0.2.0-draft')
    return MESSAGING_2023.has(iface)
      ? 'This is the 2023 shape of wasi:messaging@0.2.0-draft (consumer, messaging-guest); today’s draft of the same version has types, producer, request-reply and incoming-handler instead.'
      : 'wasi:messaging@0.2.0-draft has two shapes under one version: today’s (producer, request-reply, incoming-handler) and the 2023 one (consumer, messaging-guest).';
  if (pkg === 'wasi:config') return 'wasi:config ships as 0.2.0-draft (wasmCloud), 0.2.0-rc.1 (Wasmtime) and 0.2.0-draft-2024-09-27 (Spin): same store interface, different versions.';
  return undefined;
}

/** Checks one interface id against one host. */
export function checkOne(host: HostWorld, direction: 'import' | 'export', id: string): CompatCell {
  const m = SPLIT.exec(id);
  if (!m) return { status: 'missing', note: 'not an interface id' };
  const [, pkg, iface, version = ''] = m as unknown as [string, string, string, string | undefined];
  const key = direction === 'import' ? 'imports' : 'exports';
  // 0.2.x and 0.3.x releases are patch-compatible; 0.3 release candidates (-rc-…) are not.
  const patchKey = /^0\.[23]\.\d+$/.test(version) ? `${pkg}@${version.slice(0, 3)}` : undefined;
  const exact = host.packages[`${pkg}@${version}`] ?? (patchKey && host.anyPatch.includes(patchKey) ? host.packages[patchKey] : undefined);
  if (exact) {
    if (exact[key]?.includes(iface)) return { status: 'links' };
    const has = exact[key]?.length ? `it has ${exact[key]!.join(', ')}` : `it serves no ${direction}s of this package`;
    return { status: 'shape', note: `${pkg}@${version} is served, but without ${direction === 'import' ? '' : 'exported '}${iface}: ${has}` };
  }
  const others = Object.keys(host.packages).filter((p) => p.startsWith(`${pkg}@`) && host.packages[p]![key]?.includes(iface));
  if (others.length) return { status: 'version', note: `serves ${others.map((o) => (host.anyPatch.includes(o) ? `${o}.x` : o)).join(', ')}` };
  return direction === 'import' && host.otherImports ? { status: 'missing', note: host.otherImports } : { status: 'missing' };
}

/** The whole table for a component's imports and exports (interface ids with versions). */
export function checkCompatibility(component: { imports: readonly string[]; exports: readonly string[] }, hosts: readonly HostWorld[] = hostWorlds): CompatRow[] {
  const rows: CompatRow[] = [];
  for (const [direction, ids] of [['import', component.imports], ['export', component.exports]] as const) {
    for (const id of ids) {
      const cells: Record<string, CompatCell> = {};
      for (const host of hosts) cells[host.id] = checkOne(host, direction, id);
      const m = SPLIT.exec(id);
      const hint = m ? hintFor(m[1]!, m[2]!, m[3] ?? '') : undefined;
      rows.push({ direction, id, cells, ...(hint ? { hint } : {}) });
    }
  }
  return rows;
}

/** Per host: does the whole component link (every row links)? */
export function runsOn(rows: readonly CompatRow[], hosts: readonly HostWorld[] = hostWorlds): Record<string, boolean> {
  return Object.fromEntries(hosts.map((h) => [h.id, rows.every((r) => r.cells[h.id]?.status === 'links')]));
}

/** Interface ids a WIT text (a world, or a component's printed WIT) imports and exports by name. */
export function interfacesOfWit(wit: string): { imports: string[]; exports: string[] } {
  const grab = (kw: string) => [...new Set([...wit.matchAll(new RegExp(`^\\s*${kw}\\s+([a-z][\\w-]*:[\\w-]+/[\\w-]+(?:@[\\w.+-]+)?)\\s*;`, 'gm'))].map((x) => x[1]!))];
  return { imports: grab('import'), exports: grab('export') };
}
