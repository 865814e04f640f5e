import { createBuildClient, createTraceStore, type BuildClient, type TraceStore } from '../src/index';

/**
 * App-wide engine singletons. Module-level (not React state) so React's strict-mode
 * double effects can't start a second build worker: the toolchain loads once and stays warm.
 */
let buildClient: BuildClient | undefined;
let traceStore: TraceStore | undefined;

export function getBuildClient(): BuildClient {
  buildClient ??= createBuildClient();
  return buildClient;
}

export function getTraceStore(): TraceStore {
  traceStore ??= createTraceStore('wcp');
  return traceStore;
}
