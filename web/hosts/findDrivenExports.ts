import { hostPackages, type DrivenBy } from '../../src/index';

/** An interface a guest exports that a built-in host calls (a handler, a watcher). */
export interface DrivenExport {
  /** The host package that calls it: `wasi:messaging@0.2.0-draft`. */
  pkg: string;
  /** The exported interface's name in that package: `incoming-handler`. */
  iface: string;
  /** The guest's host setting that says which calls come. */
  by: DrivenBy;
}

/**
 * The guest's exports a built-in host drives, read from its WIT (`export
 * wasi:messaging/incoming-handler@0.2.0-draft;`). Without a version the first host package
 * of that name that drives it counts (a build asks for the version anyway).
 */
export function findDrivenExports(wit: string): DrivenExport[] {
  const out: DrivenExport[] = [];
  for (const m of wit.matchAll(/\bexport\s+([a-z][\w-]*:[a-z][\w-]*)\/([a-z][\w-]*)(?:@([\w.+-]+))?\s*;/g)) {
    const [, name, iface, version] = m;
    const host = hostPackages.find((p) => (version ? p.id === `${name}@${version}` : p.id.startsWith(`${name}@`)) && p.drives?.[iface!] !== undefined);
    if (host && !out.some((d) => d.pkg === host.id && d.iface === iface)) out.push({ pkg: host.id, iface: iface!, by: host.drives![iface!]! });
  }
  return out;
}
