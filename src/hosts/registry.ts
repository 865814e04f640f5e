import { blobstoreHosts } from './blobstore/index';
import { configHosts } from './config/index';
import { wasmcloudHosts } from './wasmcloud/index';
import type { HostPackage } from './hostContract';
import { ioHost } from './io/index';
import { keyvalueHosts } from './keyvalue/index';
import { messagingHosts } from './messaging/index';
import { p3Hosts } from './p3/index';
import { proposalHosts } from './proposals/index';

/**
 * Every host package the playground ships, keyed by versioned package id. The run worker
 * picks the ones a component imports; imports with no host here are reported by name.
 */
export const hostPackages: HostPackage[] = [...keyvalueHosts, ...messagingHosts, ...blobstoreHosts, ioHost, ...proposalHosts, ...p3Hosts, ...configHosts, ...wasmcloudHosts];

export function findHostPackage(id: string): HostPackage | undefined {
  return hostPackages.find((p) => p.id === id);
}
