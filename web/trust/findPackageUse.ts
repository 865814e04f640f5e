/** How one guest's WIT uses a package, read from its text before any build. */
export interface PackageUse {
  /** Interfaces it imports (or `use`s types from), sorted. */
  imports: string[];
  /** Interfaces (or worlds, for `include`) it exports or includes: a host may drive these or serve their types. */
  others: string[];
  /** The WIT is itself that package (a top-level `package …;`): its world may import its interfaces unqualified. */
  declares: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which interfaces of `pkgId` (`proposal:kv-ttl@0.1.0`) a guest's WIT names in `import`,
 * `use`, `export` or `include`, or undefined when it names none. A reference without a
 * version counts for any version; one with another version does not (that host would not
 * serve it anyway). Read from the text: the gate before Run cannot wait for a build.
 */
export function findPackageUse(wit: string, pkgId: string): PackageUse | undefined {
  const [name, version] = pkgId.split('@');
  const ref = new RegExp(`\\b(import|use|export|include)\\s+${escape(name)}/([a-z][a-z0-9-]*)(?:@([0-9][^;\\s.{]*(?:\\.[0-9][^;\\s.{]*)*))?`, 'g');
  const imports = new Set<string>();
  const others = new Set<string>();
  for (const m of wit.matchAll(ref)) {
    if (m[3] && version && m[3] !== version) continue;
    (m[1] === 'import' || m[1] === 'use' ? imports : others).add(m[2]);
  }
  const declared = new RegExp(`^\\s*package\\s+${escape(name)}(?:@([^;\\s]+))?\\s*;`, 'm').exec(wit);
  const declares = !!declared && (!declared[1] || !version || declared[1] === version);
  if (!imports.size && !others.size && !declares) return undefined;
  return { imports: [...imports].sort(), others: [...others].sort(), declares };
}
