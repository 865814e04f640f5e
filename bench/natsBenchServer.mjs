// A nats-server for `npm run bench` (the `nats` figures): Debian's binary with the repo's
// config, on loopback ports of the bench's own, data in a temp dir removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_HINT, findNatsServer, spawnNatsServer } from '../scripts/startNats.mjs';

/** Starts the server; resolves `{ ws, stop }`, or `{ skipped }` naming why it could not. */
export async function startBenchNats(port, wsPort) {
  if (!findNatsServer()) return { skipped: INSTALL_HINT };
  const storeDir = mkdtempSync(join(tmpdir(), 'wcp-nats-bench-'));
  const remove = () => rmSync(storeDir, { recursive: true, force: true });
  try {
    const server = await spawnNatsServer({ port, wsPort, storeDir });
    return {
      ws: `ws://127.0.0.1:${wsPort}`,
      stop: async () => {
        await server.stop();
        remove();
      },
    };
  } catch (error) {
    remove();
    return { skipped: error.message };
  }
}
