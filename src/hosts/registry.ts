import type { HostPackage } from './hostContract';

/**
 * Every host package the playground ships, keyed by versioned package id. The run worker
 * picks the ones a component imports; imports with no host here are reported by name.
 */
export const hostPackages: HostPackage[] = [];

export function findHostPackage(id: string): HostPackage | undefined {
  return hostPackages.find((p) => p.id === id);
}
