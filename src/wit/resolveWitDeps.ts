import { blankWitComments, offsetToPos } from './blankWitComments';
import { patchVersionAlias, WIT_PACKAGES, type WitPackageEntry } from './loadWitPackages';

/** A problem in the user's WIT text, 1-based; `endColumn` is exclusive. */
export interface WitDiagnostic {
  line: number;
  column: number;
  endColumn: number;
  message: string;
}

/** The user's text with every referenced shipped package appended as a nested block. */
export interface ResolvedWitSource {
  /** User text + "\n" + `package ns:name@v { ... }` blocks; user lines keep their numbers. */
  source: string;
  /** Number of lines the user text occupies at the top of `source`. */
  userLineCount: number;
  /** Appended package ids, dependencies before dependents. */
  packages: string[];
  /** Where each appended package sits in `source` (1-based, inclusive). */
  ranges: { id: string; startLine: number; endLine: number }[];
  /** Unknown or versionless package references. Empty when everything resolved. */
  diagnostics: WitDiagnostic[];
}

/** A `ns:pkg/item@version` reference found in text. */
export interface WitPackageRef {
  packageId: string;
  namespace: string;
  name: string;
  version?: string;
  offset: number;
  length: number;
}

const REF = /(?<![\w%-])([A-Za-z][\w-]*):([A-Za-z][\w-]*)\/%?[A-Za-z][\w-]*(?:@([0-9][0-9A-Za-z.+-]*[0-9A-Za-z]))?/g;
const DEF = /\bpackage\s+([A-Za-z][\w-]*):([A-Za-z][\w-]*)(?:@([0-9][0-9A-Za-z.+-]*[0-9A-Za-z]))?/g;

/** Every `ns:pkg/item(@v)` reference outside comments. */
export function findPackageRefs(text: string): WitPackageRef[] {
  const code = blankWitComments(text);
  return [...code.matchAll(REF)].map((m) => ({
    packageId: `${m[1]}:${m[2]}${m[3] ? `@${m[3]}` : ''}`,
    namespace: m[1], name: m[2], version: m[3], offset: m.index, length: m[0].length,
  }));
}

/** Ids of packages the text itself declares (`package a:b;` and nested blocks). */
export function findDefinedPackages(text: string): string[] {
  return [...blankWitComments(text).matchAll(DEF)].map((m) => `${m[1]}:${m[2]}${m[3] ? `@${m[3]}` : ''}`);
}

/** Turns `package x;` into `package x {` and closes the block, keeping doc comments. */
export function nestPackage(entry: WitPackageEntry): string {
  const code = blankWitComments(entry.source);
  const m = /\bpackage\s+[^;{]+;/.exec(code);
  if (!m) throw new Error(`shipped WIT for ${entry.id} has no package declaration`);
  const at = m.index + m[0].length - 1;
  return `${entry.source.slice(0, at)} {${entry.source.slice(at + 1).replace(/\s*$/, '')}\n}\n`;
}

/**
 * Finds the shipped packages `userText` refers to (transitively: blobstore pulls in wasi:io)
 * and appends them as nested packages, skipping any the user declares themselves.
 */
export function resolveWitDeps(userText: string, registry: readonly WitPackageEntry[] = WIT_PACKAGES): ResolvedWitSource {
  const defined = new Set(findDefinedPackages(userText));
  const diagnostics: WitDiagnostic[] = [];
  const order: WitPackageEntry[] = [];
  const visit = (entry: WitPackageEntry): void => {
    if (order.includes(entry) || defined.has(entry.id)) return;
    for (const dep of entry.deps) {
      const d = registry.find((p) => p.id === dep) ?? patchVersionAlias(dep, registry);
      if (d) visit(d);
    }
    order.push(entry);
  };
  for (const ref of findPackageRefs(userText)) {
    if (defined.has(ref.packageId)) continue;
    const entry = registry.find((p) => p.id === ref.packageId) ?? patchVersionAlias(ref.packageId, registry);
    if (entry) {
      visit(entry);
      continue;
    }
    const pos = offsetToPos(userText, ref.offset);
    diagnostics.push({ ...pos, endColumn: pos.column + ref.length, message: unknownMessage(ref, registry, defined) });
  }
  // wasm-tools rejects a root file without `package x;` ("no `package` header was found").
  if (!/\bpackage\s+[^;{]+;/.test(blankWitComments(userText))) {
    diagnostics.push({ line: 1, column: 1, endColumn: 2, message: 'missing package declaration: start with e.g. `package local:app;`' });
  }
  let source = userText.endsWith('\n') ? userText : `${userText}\n`;
  const userLineCount = source.split('\n').length - 1;
  const ranges: ResolvedWitSource['ranges'] = [];
  for (const entry of order) {
    const block = nestPackage(entry);
    const startLine = source.split('\n').length + 1;
    source += `\n${block}`;
    ranges.push({ id: entry.id, startLine, endLine: startLine + block.split('\n').length - 2 });
  }
  return { source, userLineCount, packages: order.map((e) => e.id), ranges, diagnostics };
}

function unknownMessage(ref: WitPackageRef, registry: readonly WitPackageEntry[], defined: Set<string>): string {
  const family = registry.filter((p) => p.id.startsWith(`${ref.namespace}:${ref.name}@`)).map((p) => p.id);
  const known = [...registry.map((p) => p.id), ...defined].join(', ');
  if (!ref.version && family.length) {
    return `package '${ref.packageId}' needs a version: use one of ${family.join(', ')}`;
  }
  if (family.length) {
    return `package '${ref.packageId}' is not available; known versions: ${family.join(', ')}`;
  }
  return `unknown package '${ref.packageId}'; known packages: ${known}`;
}
