import { parseWit } from './parseWit';
import type { WitInterface } from './witModel';

/**
 * The interface an import names (`ns:pkg/name@version`) in a resolved WIT source (the user's
 * package and the shipped ones), or undefined: a name of another shape, a source that does not
 * parse, or no such interface. Without `@version` the name means the unversioned package, or,
 * with `anyVersion` (a JS import as a learner writes it), a package of any version.
 */
export function findWitInterface(source: string, name: string, anyVersion = false): WitInterface | undefined {
  const m = /^([^:]+):([^/]+)\/([^@]+)(?:@(.+))?$/.exec(name);
  if (!m) return undefined;
  const [, ns, pkg, iface, version] = m;
  const parsed = parseWit(source);
  if (!parsed.ok) return undefined;
  const sameVersion = (v: string | undefined) => (version === undefined && anyVersion) || (v ?? undefined) === version;
  return parsed.doc.packages
    .filter((p) => p.namespace === ns && p.name === pkg && sameVersion(p.version))
    .flatMap((p) => p.interfaces)
    .find((i) => i.name === iface);
}
