import { describe, expect, it } from 'vitest';
import { haveNatsServer, natsBackendFor, startTestNatsServer } from './testNatsServer';

// A call already waiting for the server when it goes away fails then (README: connection
// loss), as a call made while disconnected does. Before, a JetStream request in flight (an
// offset commit, an ack's confirmation, a send waiting for its topic log's stream) waited in
// the client for its own timeout, and a guest waiting on it looked like an endless loop to
// its run's time limit.

const settledWithin = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((v) => ({ done: 'resolved', v }), (e: unknown) => ({ done: 'rejected', e })), new Promise<{ done: 'pending' }>((r) => setTimeout(() => r({ done: 'pending' }), ms))]);

describe.skipIf(!haveNatsServer)('a NATS call in flight when the server goes away', () => {
  it('fails at once with the connection error (an offset commit)', async () => {
    // A server of its own: this test kills it.
    const server = await startTestNatsServer();
    const backend = await natsBackendFor(server);
    try {
      const durable = backend.durable!(`loss${process.pid}`);
      await durable.commit('exactly-once', 'orders', 1);
      // The server stops answering (the connection stays up), the request goes out...
      server.signal('SIGSTOP');
      const commit = durable.commit('exactly-once', 'orders', 2);
      await new Promise((r) => setTimeout(r, 300));
      // ...and then the server is gone: the client sees the connection drop.
      server.signal('SIGKILL');
      const outcome = await settledWithin(commit, 2500);
      expect(outcome.done).toBe('rejected');
      expect(String((outcome as { e: unknown }).e)).toMatch(/connection was lost during the call/);
    } finally {
      await backend.close().catch(() => undefined);
      await server.stop();
    }
  }, 20_000);

  it('lets a send stop waiting for its topic log once the server is gone', async () => {
    const server = await startTestNatsServer();
    const backend = await natsBackendFor(server);
    try {
      const bus = backend.bus(`loss${process.pid}b`);
      server.signal('SIGSTOP');
      const packet = { type: 'message' as const, envelope: { id: 'm1', source: '/wcp/t/g', type: 'wcp.test', specversion: '1.0', subject: 'orders' }, data: new Uint8Array([1]) };
      // The namespace's first send: its log entry waits for the stream, a JetStream request.
      bus.post(packet);
      bus.appendToLog!(packet);
      const settled = bus.settled?.();
      expect(settled).toBeDefined();
      await new Promise((r) => setTimeout(r, 300));
      server.signal('SIGKILL');
      expect((await settledWithin(settled!, 2500)).done).toBe('resolved');
    } finally {
      await backend.close().catch(() => undefined);
      await server.stop();
    }
  }, 20_000);
});
