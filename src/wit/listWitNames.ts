import { WIT_PACKAGES, type WitPackageEntry } from './loadWitPackages';
import { parseWit } from './parseWit';
import { packageId } from './witModel';

/** An interface or world of a shipped package, as a WIT line names it (`wasi:keyvalue/store@0.2.0-draft2`). */
export interface WitNameOffer {
  /** `ns:pkg/name@version`, what follows `import`, `export`, `use` or `include`. */
  id: string;
  kind: 'interface' | 'world';
  status: WitPackageEntry['status'];
  /** The package's one-line summary. */
  summary: string;
  /** The `///` comment above the interface or world, without the slashes; '' when it has none. */
  doc: string;
}

let offers: WitNameOffer[] | undefined;

/**
 * Every interface and world of the packages the playground ships, in their display order
 * (standard drafts, then the proposals), for the WIT editor's completions: a world's import
 * lines must spell the package, the interface and the exact draft version
 * (`@0.2.0-draft2`, not `@0.2.0`), and a newcomer cannot guess which drafts are here.
 */
export function listWitNames(): readonly WitNameOffer[] {
  if (offers) return offers;
  offers = [];
  for (const entry of WIT_PACKAGES) {
    const parsed = parseWit(entry.source);
    if (!parsed.ok) continue;
    const lines = entry.source.split('\n');
    for (const pkg of parsed.doc.packages) {
      const named = (item: string) => packageId(pkg.namespace, `${pkg.name}/${item}`, pkg.version);
      for (const i of pkg.interfaces) offers.push({ id: named(i.name), kind: 'interface', status: entry.status, summary: entry.summary, doc: docAbove(lines, i.pos.line) });
      for (const w of pkg.worlds) offers.push({ id: named(w.name), kind: 'world', status: entry.status, summary: entry.summary, doc: docAbove(lines, w.pos.line) });
    }
  }
  return offers;
}

/** The `///` lines right above 1-based `line`, joined. */
function docAbove(lines: readonly string[], line: number): string {
  const doc: string[] = [];
  for (let at = line - 2; at >= 0; at--) {
    const m = /^\s*\/\/\/ ?(.*)$/.exec(lines[at]!);
    if (!m) break;
    doc.unshift(m[1]!);
  }
  return doc.join('\n');
}
