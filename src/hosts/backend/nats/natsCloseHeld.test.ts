import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { haveNatsServer, natsBackendFor, startTestNatsServer, type TestNatsServer } from './testNatsServer';
import { LOG_DELAY_MS } from './holdNatsSends';
import { logSubject } from './natsNames';

// A send's topic-log entry waits LOG_DELAY_MS (holdNatsSends.ts). A backend closed in that
// time drained its connection first, and the entry's timer then published on a draining
// connection: the client threw from the timer (an uncaught exception in the worker) and the
// entry never reached the log, so `subscribe-from` could not replay that send.

let server: TestNatsServer;
beforeAll(async () => {
  if (haveNatsServer) server = await startTestNatsServer();
}, 20_000);
afterAll(async () => server?.stop());

describe.skipIf(!haveNatsServer)('a NATS backend closed while topic-log entries wait', () => {
  it('logs them before its connection drains, and nothing throws afterwards', async () => {
    const ns = `held${process.pid}`;
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const backend = await natsBackendFor(server);
      const bus = backend.bus(ns);
      const packet = (i: number) => ({ type: 'message' as const, envelope: { id: `m${i}`, source: '/wcp/t/g', type: 'wcp.test', specversion: '1.0', subject: 'orders' }, data: new Uint8Array([i]) });
      // The first append waits for the log's stream; the later ones are held LOG_DELAY_MS.
      bus.post(packet(0));
      bus.appendToLog!(packet(0));
      await bus.settled?.();
      for (let i = 1; i <= 3; i++) {
        bus.post(packet(i));
        bus.appendToLog!(packet(i));
      }
      await backend.close();
      await new Promise((r) => setTimeout(r, LOG_DELAY_MS * 5));
      expect(uncaught).toEqual([]);
      const nc = await connect({ servers: server.address });
      try {
        const jsm = await jetstreamManager(nc);
        const stream = await jsm.streams.find(logSubject(ns, 'orders'));
        const info = await jsm.streams.info(stream);
        expect(info.state.messages).toBe(4);
      } finally {
        await nc.close();
      }
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  }, 20_000);
});
