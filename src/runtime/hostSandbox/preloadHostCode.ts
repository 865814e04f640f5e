import type { HostConfig } from '../../hosts/hostContract';
import { leaseHostSandbox, type HostSandboxLease } from './openHostSandbox';
import type { ToSandbox } from './sandboxProtocol';

/** A sandbox lease for one run, and whether its host code is already loading. */
export interface HostSandboxTake {
  lease: HostSandboxLease;
  /**
   * The `load` message (same sources, config and tab) went to this sandbox before the run
   * started: the run worker must not send it again, only wait for `loaded`.
   */
  loading: boolean;
}

/** The one preloaded sandbox: the host code of the run being built, loading meanwhile. */
let preloaded: { key: string; lease: HostSandboxLease } | undefined;

const keyOf = (sources: Record<string, string>, config: HostConfig, tab: string | undefined) => JSON.stringify([sources, config, tab ?? null]);

/**
 * Starts loading host code for a run whose guest is still being built: the sandbox imports
 * the modules and calls their `create(ctx)` while the build runs, instead of after the run
 * worker has started (edit-to-running of an example with host code waited ~13 ms for it).
 * Call it only with host code the user has allowed to run (it runs now, in the sandbox,
 * exactly as it would at the start of the run). The run that {@link takeHostSandbox}s the
 * same sources, config and tab gets this sandbox; a later preload replaces it (killing the
 * worker: it never serves another run).
 */
export function preloadHostCode(sources: Record<string, string>, config: HostConfig, tab?: string): void {
  if (typeof document === 'undefined' || Object.keys(sources).length === 0) return;
  const key = keyOf(sources, config, tab);
  if (preloaded?.key === key) return;
  preloaded?.lease.kill();
  const lease = leaseHostSandbox();
  const load: ToSandbox = { type: 'load', sources, config, tab };
  lease.port.postMessage(load);
  preloaded = { key, lease };
}

/**
 * The sandbox for a run with host code: the preloaded one when it was preloaded for exactly
 * this run's sources, config and tab, else a fresh lease (its host code loads once the run
 * worker asks). A preload for something else stays for a later guest of the same run.
 */
export function takeHostSandbox(sources: Record<string, string>, config: HostConfig, tab?: string): HostSandboxTake {
  if (preloaded && preloaded.key === keyOf(sources, config, tab)) {
    const { lease } = preloaded;
    preloaded = undefined;
    return { lease, loading: true };
  }
  return { lease: leaseHostSandbox(), loading: false };
}
