import { hostPackages, type Example, type WorkspaceGuest } from '../../src/index';

/** One host module a workspace carries, as the trust prompt shows it. */
export interface HostCodeItem {
  /** Package id with version: `proposal:kv-ttl@0.1.0`. */
  id: string;
  source: string;
  /** True when a built-in playground host serves this package: the code replaces it. */
  replaces: boolean;
  /** Interfaces of the package the workspace's guests import (from their WIT). */
  interfaces: string[];
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
    .map(([id, source]) => ({ id, source, replaces: hostPackages.some((p) => p.id === id), interfaces: importedInterfaces(id, guests), shipped: example?.customHosts?.[id] }));
}

function importedInterfaces(pkgId: string, guests: readonly WorkspaceGuest[]): string[] {
  const [name, version] = pkgId.split('@');
  const found = new Set<string>();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\b(?:import|use)\\s+${escaped}/([a-z][a-z0-9-]*)(?:@([0-9][^;\\s.{]*(?:\\.[0-9][^;\\s.{]*)*))?`, 'g');
  for (const g of guests) {
    for (const m of g.wit.matchAll(re)) if (!m[2] || m[2] === version) found.add(m[1]);
  }
  return [...found].sort();
}
