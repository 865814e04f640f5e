import { hostPackages, type Example, type WorkspaceGuest } from '../../src/index';
import { findPackageUse } from './findPackageUse';

/** One host module a workspace carries, as the trust prompt shows it. */
export interface HostCodeItem {
  /** Package id with version: `proposal:kv-ttl@0.1.0`. */
  id: string;
  source: string;
  /** True when a built-in playground host serves this package: the code replaces it. */
  replaces: boolean;
  /** Interfaces of the package the workspace's guests import (from their WIT). */
  interfaces: string[];
  /** No guest of the workspace names the package: declining the code stops nothing. */
  unused?: true;
  /** The open example's own host code for this package, when it ships one: the link's code is shown as a change of it. */
  shipped?: string;
}

/**
 * The workspace's host modules that differ from what the app itself ships (an example's
 * own host code is part of the app, so code equal to it is not listed and never asks).
 * Interfaces are read from the guests' WIT imports.
 */
export function describeHostCode(customHosts: Record<string, string>, guests: readonly WorkspaceGuest[], example: Example | undefined): HostCodeItem[] {
  return Object.entries(customHosts)
    .filter(([id, source]) => example?.customHosts?.[id] !== source)
    .map(([id, source]) => ({ id, source, replaces: hostPackages.some((p) => p.id === id), ...importedInterfaces(id, guests), shipped: example?.customHosts?.[id] }));
}

function importedInterfaces(pkgId: string, guests: readonly WorkspaceGuest[]): { interfaces: string[]; unused?: true } {
  const uses = guests.map((g) => findPackageUse(g.wit, pkgId)).filter((u) => u !== undefined);
  const interfaces = [...new Set(uses.flatMap((u) => u.imports))].sort();
  return uses.length ? { interfaces } : { interfaces, unused: true };
}
