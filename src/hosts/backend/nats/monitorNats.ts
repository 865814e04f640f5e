import type { BackendConfig } from '../../hostContract';

/** What the header shows about the NATS server. */
export type NatsMonitorStatus =
  | { state: 'connecting' }
  | { state: 'connected'; server: string }
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
    onStatus({ state: 'connected', server: link.servers });
    for await (const status of link.nc.status()) {
      if (closed) break;
      if (status.type === 'disconnect') onStatus({ state: 'disconnected', detail: `lost ${link.servers}; reconnecting…` });
      else if (status.type === 'reconnect') onStatus({ state: 'connected', server: link.servers });
    }
  })();
  return () => {
    closed = true;
    close?.();
  };
}
