#!/usr/bin/env node
/**
 * `npm run nats`: runs Debian's nats-server with nats/nats-server.conf (JetStream on,
 * WebSocket on loopback, data in .nats-data/). Ports: WCP_NATS_PORT (client, default 4222)
 * and WCP_NATS_WS_PORT (WebSocket, default 4280). The tests and the bench start theirs with
 * `spawnNatsServer`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'node:net';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of the nats-server binary, or undefined when it is not installed. */
export function findNatsServer() {
  for (const candidate of [process.env.NATS_SERVER, '/usr/sbin/nats-server', '/usr/bin/nats-server', 'nats-server']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

export const INSTALL_HINT = 'nats-server is not installed. On Debian/Ubuntu: sudo apt-get install nats-server (or set NATS_SERVER=/path/to/nats-server).';

/** Command, args and environment that start the server with the repo's config. */
export function natsServerCommand({ port, wsPort, storeDir }) {
  const binary = findNatsServer();
  if (!binary) throw new Error(INSTALL_HINT);
  mkdirSync(storeDir, { recursive: true });
  return {
    binary,
    args: ['-c', join(root, 'nats', 'nats-server.conf')],
    env: { ...process.env, WCP_NATS_PORT: String(port), WCP_NATS_WS_PORT: String(wsPort), WCP_NATS_STORE: storeDir },
  };
}

/**
 * Starts the server with the repo's config (its output kept, not shown) and resolves once both
 * its client and WebSocket ports accept connections, with `stop()` (SIGTERM, then the exit
 * awaited). Rejects with the server's last output when it exits or is not up within 10 s.
 * The one launcher of the unit tests, the e2e specs and the bench.
 */
export async function spawnNatsServer({ port, wsPort, storeDir }) {
  const cmd = natsServerCommand({ port, wsPort, storeDir });
  const child = spawn(cmd.binary, cmd.args, { env: cmd.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 10_000;
  while (!(await listening(port)) || !(await listening(wsPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nats-server did not start on ports ${port}/${wsPort}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // `signal`: what a test does to the server's process (SIGSTOP: it stops answering, the
  // connection stays; SIGKILL: it goes away mid-request).
  return { stop, signal: (name) => child.kill(name) };
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function listening(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.WCP_NATS_PORT ?? 4222);
  const wsPort = Number(process.env.WCP_NATS_WS_PORT ?? 4280);
  let cmd;
  try {
    cmd = natsServerCommand({ port, wsPort, storeDir: process.env.WCP_NATS_STORE ?? join(root, '.nats-data') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`NATS for the playground: nats://127.0.0.1:${port}, browsers: ws://127.0.0.1:${wsPort} (Settings → Hosts run on: a NATS server)`);
  const child = spawn(cmd.binary, cmd.args, { env: cmd.env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
