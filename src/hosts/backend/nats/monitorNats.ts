import type { BackendConfig } from '../../hostContract';

/** What the header shows about the NATS server. */
export type NatsMonitorStatus =
  | { state: 'connecting' }
  /** `jetstream` false: the server runs without it (key-value, blobs, acks and offsets need it). */
  | { state: 'connected'; server: string; jetstream: boolean }
  | { state: 'disconnected'; detail: string }
  | { state: 'failed'; detail: string };

/**
 * How often a first connection that found no server is tried again: someone in a room who
 * joined before the presenter's server was up saw "unreachable" until they reloaded the page.
 */
export const MONITOR_RETRY_MS = 2000;

/**
 * Keeps one connection from the page to the chosen NATS server only to show whether it is
 * reachable (guests connect from their own run workers). Reports every change; call the
 * returned function to close it. A first connection that found no server is tried again
 * every MONITOR_RETRY_MS (one refused for its credentials or by the page's policy is not).
 * The client is loaded on first use, never for the default browser backend.
 */
export function monitorNats(config: Extract<BackendConfig, { kind: 'nats' }>, onStatus: (status: NatsMonitorStatus) => void): () => void {
  let closed = false;
  let close: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failedWith: string | undefined;
  onStatus({ state: 'connecting' });
  const attempt = async (): Promise<void> => {
    const { connectNats, NatsConnectError } = await import('./connectNats');
    let link;
    try {
      link = await connectNats(config, 'wasi-cloud-playground status');
    } catch (error) {
      if (closed) return;
      const away = error instanceof NatsConnectError && error.serverAway;
      const detail = `${error instanceof Error ? error.message : String(error)}${away ? ` Trying again every ${MONITOR_RETRY_MS / 1000} s.` : ''}`;
      // The same failure again is no news: the badge keeps its state without a re-render.
      if (detail !== failedWith) onStatus({ state: 'failed', detail });
      failedWith = detail;
      if (away) retry = setTimeout(() => void attempt(), MONITOR_RETRY_MS);
      return;
    }
    if (closed) return void link.nc.close();
    close = () => void link.nc.close().catch(() => undefined);
    // The server says in its INFO whether JetStream is on; a reconnect may reach another server.
    const connected = () => onStatus({ state: 'connected', server: link.servers, jetstream: link.nc.info?.jetstream === true });
    connected();
    for await (const status of link.nc.status()) {
      if (closed) break;
      if (status.type === 'disconnect') onStatus({ state: 'disconnected', detail: `lost ${link.servers}; reconnecting…` });
      else if (status.type === 'reconnect') connected();
    }
  };
  void attempt();
  return () => {
    closed = true;
    clearTimeout(retry);
    close?.();
  };
}
