import type { WorkspaceHosts } from '../../src/index';
import { findPackageUse } from './findPackageUse';
import type { UntrustedHostCode } from './useHostTrust';

/** What Run does with the workspace's outside host code, decided before anything builds. */
export type RunHostsDecision =
  /** Some code waits for a decision: nothing runs. */
  | { kind: 'wait'; ids: string[] }
  /** Declined code is the only host for what a guest imports: nothing runs, each need named. */
  | { kind: 'refuse'; needs: string[] }
  /** Run with `hosts` (declined code left out); `fallback` names packages now served by the playground's or the example's own host. */
  | { kind: 'run'; hosts: WorkspaceHosts; fallback: string[] };

/** A guest about to run: its name and the WIT its imports are read from. */
interface RunGuest {
  name: string;
  wit: string;
}

/**
 * Decides Run for host code from outside this browser. Pending code stops Run (the prompt
 * asks). Declined code never loads: a package some running guest uses then falls back to a
 * built-in host or the example's own code, or stops Run when there is none. Declined code
 * for a package no running guest names needs no host at all and does not stop Run (it
 * used to: a link's spare host module blocked a workspace that never imports it).
 */
export function decideRunHosts(items: readonly UntrustedHostCode[], hosts: WorkspaceHosts, guests: readonly RunGuest[], exampleHosts: Record<string, string> | undefined): RunHostsDecision {
  const waiting = items.filter((i) => i.status === 'pending');
  if (waiting.length) return { kind: 'wait', ids: waiting.map((i) => i.id) };
  const off = items.filter((i) => i.status === 'declined');
  const needs: string[] = [];
  const fallback: string[] = [];
  for (const item of off) {
    const users = guests.map((g) => ({ name: g.name, use: findPackageUse(g.wit, item.id) })).filter((u) => u.use !== undefined);
    if (!users.length) continue;
    if (item.replaces || exampleHosts?.[item.id] !== undefined) fallback.push(item.id);
    else for (const { name, use } of users) needs.push(`guest ${name} ${use!.imports.length ? 'imports' : 'uses'} ${item.id}${describeInterfaces(use!)}`);
  }
  if (needs.length) return { kind: 'refuse', needs };
  const customHosts = Object.fromEntries(Object.entries(hosts.customHosts).filter(([id]) => !off.some((i) => i.id === id)));
  return { kind: 'run', hosts: off.length ? { ...hosts, customHosts } : hosts, fallback };
}

function describeInterfaces(use: { imports: string[]; others: string[] }): string {
  const all = [...new Set([...use.imports, ...use.others])].sort();
  return all.length ? ` (${all.join(', ')})` : '';
}
