import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The same launcher `npm run nats` uses: Debian's nats-server with nats/nats-server.conf.
import { spawnNatsServer } from '../scripts/startNats.mjs';
import { test } from '@playwright/test';

/** A real nats-server on loopback for one spec; its JetStream data survives restart(). */
export interface NatsServer {
  /** What browsers connect to: ws://127.0.0.1:<wsPort>. */
  ws: string;
  /** What Node clients connect to: 127.0.0.1:<port>. */
  nats: string;
  stop(): Promise<void>;
  /** Starts it again on the same ports and store directory. */
  start(): Promise<void>;
  /** Stops it and deletes the store directory. */
  dispose(): Promise<void>;
}

/** NATS_E2E_PORT (client) and NATS_E2E_PORT+1 (WebSocket); defaults 4261/4262. */
export async function startNatsServer(): Promise<NatsServer> {
  const port = Number(process.env.NATS_E2E_PORT ?? 4261);
  const wsPort = port + 1;
  const storeDir = mkdtempSync(join(tmpdir(), 'wcp-nats-e2e-'));
  let running: { stop(): Promise<void> } | undefined;
  const server: NatsServer = {
    ws: `ws://127.0.0.1:${wsPort}`,
    nats: `127.0.0.1:${port}`,
    async start() {
      running = await spawnNatsServer({ port, wsPort, storeDir });
    },
    async stop() {
      const r = running;
      running = undefined;
      await r?.stop();
    },
    async dispose() {
      await server.stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/**
 * One nats-server for the spec file that calls this at its top level: started before its
 * first test, disposed of after its last. The returned object reads through to that server
 * (use it inside tests). Tests on a real server start workers on several machines, which on
 * a loaded 2-core box takes longer than the default timeout, so the file gets `timeoutMs`.
 */
export function useNatsServer(timeoutMs = 180_000): NatsServer {
  let server: NatsServer | undefined;
  test.describe.configure({ timeout: timeoutMs });
  test.beforeAll(async () => {
    server = await startNatsServer();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });
  const live = (): NatsServer => {
    if (!server) throw new Error('the nats-server starts before the first test; use it inside tests');
    return server;
  };
  return {
    get ws() {
      return live().ws;
    },
    get nats() {
      return live().nats;
    },
    stop: () => live().stop(),
    start: () => live().start(),
    dispose: () => live().dispose(),
  };
}
