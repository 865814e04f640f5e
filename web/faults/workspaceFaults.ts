import { validateFaultConfig, type Example, type FaultConfig, type WorkspaceHosts } from '../../src/index';
import type { RunHosts } from '../useRunner';

/**
 * What the Faults tab stores in a workspace's `hosts.faults` (plain JSON, shared in links).
 * Present = the user took over fault injection for this workspace; absent = each example
 * guest's default `faults` apply.
 */
export interface WorkspaceFaults {
  /** Applies to every guest that has no entry of its own. */
  all?: FaultConfig;
  /** Per guest name; `null` = this guest runs without faults even when `all` is set. */
  guests?: Record<string, FaultConfig | null>;
}

/** Reads `hosts.faults`; anything not shaped like {@link WorkspaceFaults} counts as absent. */
export function readWorkspaceFaults(value: unknown): WorkspaceFaults | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as WorkspaceFaults;
  const isConfig = (c: unknown) => c !== null && typeof c === 'object' && !Array.isArray(c);
  if (v.all !== undefined && !isConfig(v.all)) return undefined;
  if (v.guests !== undefined && (typeof v.guests !== 'object' || v.guests === null)) return undefined;
  return v;
}

/** The example's default faults per guest name (what Run uses before the user edits). */
export function exampleFaults(example: Example | undefined): WorkspaceFaults {
  const guests: Record<string, FaultConfig | null> = {};
  for (const g of example?.guests ?? []) if (g.faults) guests[g.name] = g.faults;
  return { guests };
}

/** Effective config of one guest: its own entry (null = none), else `all`. */
export function faultsForGuest(faults: WorkspaceFaults, guest: string): FaultConfig | undefined {
  const own = faults.guests?.[guest];
  if (own === null) return undefined;
  return own ?? faults.all;
}

/**
 * Host settings for the next Run: the workspace's faults (or the example's defaults) for
 * each guest, and the example's custom hosts overlaid by the workspace's own. Configs that
 * fail validation are left out (the Faults tab shows why), so a bad edit never breaks Run.
 */
export function resolveRunHosts(example: Example | undefined, guests: readonly { name: string }[], hosts: WorkspaceHosts | undefined): RunHosts {
  const chosen = readWorkspaceFaults(hosts?.faults) ?? exampleFaults(example);
  const faults: Record<string, FaultConfig | undefined> = {};
  for (const g of guests) {
    const config = faultsForGuest(chosen, g.name);
    faults[g.name] = config && validateFaultConfig(config).length === 0 ? config : undefined;
  }
  const customHosts = { ...(example?.customHosts ?? {}), ...(hosts?.customHosts ?? {}) };
  return { faults, ...(Object.keys(customHosts).length > 0 ? { customHosts } : {}) };
}
