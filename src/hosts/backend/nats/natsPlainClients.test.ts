import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { waitFor } from '../../messaging/createTestGuest';
import type { Message } from '../../messaging/messageTypes';
import { textOf } from '../../proposals/messagingExt/testGuests';
import { closeNatsExtGuests, createNatsExtGuest, haveNatsServer, startTestNatsServer, type TestNatsServer } from './testNatsServer';

// A plain NATS client's message (no CloudEvents headers, so no id) reaches a guest once
// even when several of the guest's patterns match it, as a guest's message does; the same
// bytes published twice reach it twice.

let server: TestNatsServer;
let client: NatsConnection;
let n = 0;
beforeAll(async () => {
  if (!haveNatsServer) return;
  server = await startTestNatsServer();
  client = await connect({ servers: server.address });
}, 20_000);
afterAll(async () => {
  await client?.close();
  await server?.stop();
});
afterEach(closeNatsExtGuests);

describe.skipIf(!haveNatsServer)('a plain NATS client\'s messages', () => {
  it('reach a guest two of whose patterns match them once each, and twice when published twice', async () => {
    const ns = `plain${process.pid}n${++n}`;
    const t = `orders${n}`;
    const seen: string[] = [];
    await createNatsExtGuest(server, ns, 'billing', { subscriptions: [`${t}.*`, `${t}.eu`, '>'], acks: false, handle: (m: Message) => void seen.push(`${m.topic()} ${textOf(m)}`) });
    const enc = new TextEncoder();
    client.publish(`${t}.eu`, enc.encode('one'));
    client.publish(`${t}.us`, enc.encode('two'));
    client.publish(`${t}.eu`, enc.encode('three'));
    client.publish(`${t}.eu`, enc.encode('three'));
    await client.flush();
    await waitFor(() => seen.length >= 4, 'deliveries', 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.sort()).toEqual([`${t}.eu one`, `${t}.eu three`, `${t}.eu three`, `${t}.us two`]);
  }, 20_000);
});
