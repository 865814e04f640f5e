import type { BackendConfig } from '../../hostContract';

/** What the header shows about the NATS server. */
export type NatsMonitorStatus =
  | { state: 'connecting' }
  /** `jetstream` false: the server runs without it (key-value, blobs, acks and offsets need it). */
  | { state: 'connected'; server: string; jetstream: boolean }
  | { state: 'disconnected'; detail: string }
  | { state: 'failed'; detail: string };

/**
 * Keeps one connection from the page to the chosen NATS server only to show whether it is
 * reachable (guests connect from their own run workers). Reports every change; call the
 * returned function to close it. The client is loaded on first use, never for the default
 * browser backend.
 */
export function monitorNats(config: Extract<BackendConfig, { kind: 'nats' }>, onStatus: (status: NatsMonitorStatus) => void): () => void {
  let closed = false;
  let close: (() => void) | undefined;
  onStatus({ state: 'connecting' });
  void (async () => {
    const { connectNats } = await import('./connectNats');
    let link;
    try {
      link = await connectNats(config, 'wasi-cloud-playground status');
    } catch (error) {
      if (!closed) onStatus({ state: 'failed', detail: error instanceof Error ? error.message : String(error) });
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
  })();
  return () => {
    closed = true;
    close?.();
  };
}
