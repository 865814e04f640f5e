import type { BackendConfig } from '../hostContract';
import type { HostBackend } from './backendTypes';
import { browserBackend } from './browserBackend';

/**
 * The backend a run worker uses, from the run's `config.backend`. The NATS client is
 * loaded only when a NATS backend is chosen, so the default offline site never fetches it.
 * Rejects with readable text when the server cannot be reached.
 */
export async function createHostBackend(config: BackendConfig | undefined): Promise<HostBackend> {
  if (config === undefined || config.kind === 'browser') return browserBackend;
  const { createNatsBackend } = await import('./nats/createNatsBackend');
  return createNatsBackend(config);
}
