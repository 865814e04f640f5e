// A nats-server for `npm run bench` (the `nats` figures): Debian's binary with the repo's
// config, on loopback ports of the bench's own, data in a temp dir removed afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_HINT, findNatsServer, natsServerCommand } from '../scripts/startNats.mjs';

/** Starts the server; resolves `{ ws, stop }`, or `{ skipped }` naming why it could not. */
export async function startBenchNats(port, wsPort) {
  if (!findNatsServer()) return { skipped: INSTALL_HINT };
  const storeDir = mkdtempSync(join(tmpdir(), 'wcp-nats-bench-'));
  const cmd = natsServerCommand({ port, wsPort, storeDir });
  const child = spawn(cmd.binary, cmd.args, { env: cmd.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d.toString()).slice(-2000)));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(storeDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await listening(port)) || !(await listening(wsPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      return { skipped: `nats-server did not start on ports ${port}/${wsPort}:\n${log}` };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ws: `ws://127.0.0.1:${wsPort}`, stop };
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
