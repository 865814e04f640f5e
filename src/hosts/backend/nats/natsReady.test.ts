import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../messaging/messageTypes';
import { textOf, utf8, type ExtGuest } from '../../proposals/messagingExt/testGuests';
import { closeNatsExtGuests, createNatsExtGuest, haveNatsServer, natsBackendFor, startTestNatsServer, type TestNatsServer } from './testNatsServer';
import { keyvalueDraft2Host } from '../../keyvalue';
import { bytes, createImports, makeTestContext, type TestBucket } from '../../keyvalue/createTestHost';
import { settlingBuses } from '../../messaging/settleBuses';
import type { HostBackend } from '../backendTypes';
import { connect } from '@nats-io/transport-node';
import { waitFor } from '../../messaging/createTestGuest';
import { linkNats } from './connectNats';
import { createNatsBus } from './natsBus';

// A guest reported "instantiated" is shown serving, and the page starts the producers then
// (web/useRunner.ts), each in a worker with its own connection. Whatever they send from that
// instant on must reach the handler: the server must already have every subscription the
// handler made (core SUBs, queue groups, JetStream consumers), not just the client's buffer.

let server: TestNatsServer;
let n = 0;
beforeAll(async () => {
  if (haveNatsServer) server = await startTestNatsServer();
}, 20_000);
afterAll(async () => server?.stop());
afterEach(closeNatsExtGuests);

/**
 * Handlers started one after another, each sent to the instant it is instantiated. Before
 * the handler waited for the server (6 runs of this file): a JetStream consumer lost every
 * round, a core subscription 10–18 rounds of 50 (its SUB and the producer's PUB race on two
 * sockets), a key-value watcher 3–7 of 8.
 */
const ROUNDS = { core: 50, jetstream: 8 };
const SENDS = 3;
const send = (g: ExtGuest, topic: string, text: string) => g.imports.producer.send(g.client, topic, new g.imports.types.Message(utf8(text)));

describe.skipIf(!haveNatsServer)('a handler reported instantiated on a real nats-server', () => {
  for (const acks of [false, true]) {
    for (const group of ['', 'queue:']) {
      it(`gets every message a producer sends the instant it is instantiated (${acks ? 'JetStream consumer' : 'core subscription'}, ${group || 'fan-out'})`, async () => {
        const ns = `ready${process.pid}n${++n}`;
        // Connected beforehand, as a spare worker is: it sends as soon as the handler is up.
        const producer = await createNatsExtGuest(server, ns, 'producer', { acks: false });
        const lost: string[] = [];
        for (let round = 0; round < (acks ? ROUNDS.jetstream : ROUNDS.core); round++) {
          const topic = `ready${n}r${round}`;
          const seen: string[] = [];
          await createNatsExtGuest(server, ns, `handler${round}`, { subscriptions: [`${group}${topic}`], acks, handle: (m: Message) => void seen.push(textOf(m)) });
          for (let i = 0; i < SENDS; i++) await send(producer, topic, `#${i}`);
          // Delivered within a second, or lost for good (a subscriber never gets what the server had no interest in).
          const until = Date.now() + 1000;
          while (seen.length < SENDS && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
          if (seen.length < SENDS) lost.push(`round ${round}: got [${seen.join(' ')}]`);
        }
        expect(lost).toEqual([]);
      }, 60_000);
    }
  }

  it('a key-value watcher gets every change a writer makes the instant the watcher is instantiated', async () => {
    const ns = `readykv${process.pid}n${++n}`;
    const backends: HostBackend[] = [];
    const backend = async () => (backends.push(await natsBackendFor(server)), backends[backends.length - 1]);
    const writer = await createImports(keyvalueDraft2Host, { ...makeTestContext(ns, 'clerk').ctx, backend: await backend() });
    const lost: string[] = [];
    try {
      for (let round = 0; round < ROUNDS.jetstream; round++) {
        const bucket = `stock${round}`;
        const seen: string[] = [];
        const watching = { ...makeTestContext(ns, `watcher${round}`, [bucket]).ctx, backend: await backend() };
        await createImports(keyvalueDraft2Host, watching);
        await keyvalueDraft2Host.attachExports!(watching, { watcher: { onSet: (_b: TestBucket, key: string) => void seen.push(key) } });
        // What the run worker does before it reports the guest instantiated (runWorker.ts).
        await settlingBuses();
        await (await writer.store.open(bucket)).set('apples', bytes('12'));
        const until = Date.now() + 1000;
        while (seen.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
        if (seen.length === 0) lost.push(`round ${round}`);
      }
    } finally {
      await Promise.all(backends.map((b) => b.close()));
    }
    expect(lost).toEqual([]);
  }, 60_000);

  it('does not hold a guest back while the connection is down: it starts, the page says the server is gone', async () => {
    const lonely = await startTestNatsServer();
    // A client's flush while it is down is answered (rejected) only at its next reconnect attempt.
    const nc = await connect({ servers: lonely.address, maxReconnectAttempts: -1, reconnectTimeWait: 3000 });
    const link = linkNats(nc, lonely.address);
    const bus = createNatsBus(link, `down${process.pid}`);
    try {
      await lonely.stop();
      await waitFor(() => !link.connected(), 'the connection lost', 5000);
      bus.subscribe!('orders.*');
      const subscribing = settlingBuses();
      expect(subscribing).toBeDefined();
      // At once, not after a flush that waits for a reconnect (or the settle limit, 2 s).
      const outcome = await Promise.race([subscribing!.then(() => 'started'), new Promise((r) => setTimeout(() => r('held back'), 1000))]);
      expect(outcome).toBe('started');
    } finally {
      bus.release();
      await nc.close();
    }
  }, 20_000);
});
