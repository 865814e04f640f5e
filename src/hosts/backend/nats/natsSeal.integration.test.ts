import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, headers, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import type { MessageEvent_ } from '../../../trace/traceEvent';
import { waitFor } from '../../messaging/createTestGuest';
import type { Message } from '../../messaging/messageTypes';
import { textOf, utf8, type ExtGuest } from '../../proposals/messagingExt/testGuests';
import { CORE_START_SLACK_MS } from './natsReplay';
import { createNatsSeal, SEAL_HEADER } from './natsSeal';
import { toHeaders } from './natsHeaders';
import { closeNatsExtGuests, createNatsExtGuest, haveNatsServer, startTestNatsServer, TEST_BROWSER_KEY, type TestNatsServer } from './testNatsServer';

// A delivered message's CloudEvents source names the tab that sent it, but any NATS client can
// write any source. Only this browser's seal says one of its tabs really sent it; the trace's
// deliver event carries that (transit.fromThisBrowser), for web/trace/remoteSender.ts.

let server: TestNatsServer;
let peer: NatsConnection;
let n = 0;
beforeAll(async () => {
  if (!haveNatsServer) return;
  server = await startTestNatsServer();
  peer = await connect({ servers: server.address });
}, 20_000);
afterAll(async () => {
  await peer?.close();
  await server?.stop();
});
afterEach(closeNatsExtGuests);

const delivered = (g: ExtGuest) => g.events.filter((e): e is MessageEvent_ => e.kind === 'message' && e.action === 'deliver');
const textOfEvent = (e: MessageEvent_) => new TextDecoder().decode(e.data);
const otherBrowser = Uint8Array.from([8, 7, 6, 5, 4, 3, 2, 1]);

describe.skipIf(!haveNatsServer)('who sent a message on a real nats-server', () => {
  for (const acks of [false, true]) {
    it(`marks this browser's sends, and not a peer's that copies their source and seal (${acks ? 'JetStream consumer' : 'core subscription'})`, async () => {
      const ns = `seal${process.pid}n${++n}`;
      const topic = `orders${n}`;
      const listener = await createNatsExtGuest(server, ns, 'all-orders', { subscriptions: [`${topic}.*`], handle: () => undefined, acks, tab: 'tab-me' });
      // What a peer in the room sees of the presenter's messages: everything on the wire.
      const overheard: Array<{ source: string; seal: string; data: Uint8Array }> = [];
      const spy = peer.subscribe(`${topic}.*`, { callback: (_e, m) => void overheard.push({ source: m.headers?.get('ce-source') ?? '', seal: m.headers?.get('wcp-seal') ?? '', data: m.data }) });
      await peer.flush();

      const producer = await createNatsExtGuest(server, ns, 'order-service', { acks: false, tab: 'tab-me' });
      await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('mine')));
      const elsewhere = await createNatsExtGuest(server, ns, 'order-service', { acks: false, tab: 'tab-phone', key: otherBrowser });
      await elsewhere.imports.producer.send(elsewhere.client, `${topic}.created`, new elsewhere.imports.types.Message(utf8('phone')));
      await waitFor(() => overheard.length === 2, 'the peer overheard both', 5000);

      // The peer passes as the presenter's tab: its source and its seal, a message of its own.
      const genuine = overheard.find((o) => o.source.startsWith('/wcp/tab-me/'))!;
      const forge = (subject: string, id: string, data: Uint8Array) => {
        const h = headers();
        for (const [k, v] of [['ce-id', id], ['ce-source', genuine.source], ['ce-type', 'wcp.message'], ['ce-specversion', '1.0'], ['ce-time', new Date().toISOString()], ['wcp-seal', genuine.seal]]) h.set(k, v);
        peer.publish(subject, data, { headers: h });
      };
      forge(`${topic}.created`, 'forged-1', utf8('forged'));
      // The presenter's own message word for word, replayed on another subject.
      forge(`${topic}.refunded`, 'forged-2', genuine.data);
      await waitFor(() => delivered(listener).length === 4, 'four deliveries', 8000);
      spy.unsubscribe();

      const byText = Object.fromEntries(delivered(listener).map((e) => [`${textOfEvent(e)} ${e.topic}`, e]));
      expect(byText[`mine ${topic}.created`].transit).toMatchObject({ via: 'NATS', fromThisBrowser: true });
      expect(byText[`phone ${topic}.created`].transit?.fromThisBrowser).toBeUndefined();
      expect(byText[`forged ${topic}.created`].envelope.source).toBe(genuine.source);
      expect(byText[`forged ${topic}.created`].transit).toMatchObject({ via: 'NATS' });
      expect(byText[`forged ${topic}.created`].transit?.fromThisBrowser).toBeUndefined();
      expect(byText[`mine ${topic}.refunded`].transit?.fromThisBrowser).toBeUndefined();
    }, 30_000);
  }

  for (const acks of [false, true]) {
    it(`does not take a peer's word-for-word replay of my message as mine; a duplicate and a redelivery stay mine (${acks ? 'JetStream consumer' : 'core subscription'})`, async () => {
      const ns = `replay${process.pid}n${++n}`;
      const topic = `orders${n}`;
      let nacked = false;
      const listener = await createNatsExtGuest(server, ns, 'all-orders', {
        subscriptions: [`${topic}.*`],
        acks,
        tab: 'tab-me',
        // On JetStream the first delivery of "again" fails once: its redelivery is the same stored message.
        handle: async (m: Message) => {
          if (acks && textOf(m) === 'again' && !nacked) {
            nacked = true;
            await listener.imports.acks.nack(m, true);
          }
        },
      });
      const captured: Array<{ subject: string; headers: MsgHdrs; data: Uint8Array }> = [];
      const spy = peer.subscribe(`${topic}.*`, { callback: (_e, m) => void (m.headers && captured.push({ subject: m.subject, headers: m.headers, data: m.data })) });
      await peer.flush();
      const producer = await createNatsExtGuest(server, ns, 'order-service', { acks: false, tab: 'tab-me' });
      await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('mine')));
      // A message sent twice (the duplicate fault, as a client's retry): two transmissions of it.
      const twice = await createNatsExtGuest(server, ns, 'order-service', { acks: false, tab: 'tab-me', faults: { seed: 1, duplicateProbability: 1 } });
      await twice.imports.producer.send(twice.client, `${topic}.created`, new twice.imports.types.Message(utf8('twice')));
      if (acks) await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('again')));
      const genuine = acks ? 4 : 3;
      await waitFor(() => delivered(listener).length === genuine + (acks ? 1 : 0), 'the genuine deliveries', 8000);
      await waitFor(() => captured.length >= genuine, 'the peer captured them', 5000);

      // The peer re-publishes my first message as it was on the wire: headers, seal, bytes.
      const mine = captured.find((c) => new TextDecoder().decode(c.data) === 'mine')!;
      const replay = headers();
      for (const [k, v] of mine.headers) replay.set(k, v[0]);
      peer.publish(mine.subject, mine.data, { headers: replay });
      await waitFor(() => delivered(listener).filter((e) => textOfEvent(e) === 'mine').length === 2, 'the replay delivered', 8000);
      spy.unsubscribe();

      const marks = (text: string) => delivered(listener).filter((e) => textOfEvent(e) === text).map((e) => e.transit?.fromThisBrowser === true);
      expect(marks('mine')).toEqual([true, false]);
      // The trace says why (web/trace/remoteSender.ts): it came with my seal, as a replay.
      expect(delivered(listener).filter((e) => textOfEvent(e) === 'mine').map((e) => e.transit?.replayed)).toEqual([undefined, true]);
      expect(marks('twice')).toEqual([true, true]);
      if (acks) expect(marks('again')).toEqual([true, true]);
    }, 30_000);
  }

  it('does not take a replay of my message as mine at a core subscription made after it was sent; a consumer group started later still takes the original as mine', async () => {
    const ns = `late${process.pid}n${++n}`;
    const topic = `orders${n}`;
    // An at-least-once handler's group, whose worker ended: the server keeps what is sent for it.
    const billing = await createNatsExtGuest(server, ns, 'billing', { subscriptions: [`${topic}.*`], handle: () => undefined, tab: 'tab-me' });
    billing.kill();
    const captured: Array<{ subject: string; headers: MsgHdrs; data: Uint8Array }> = [];
    const spy = peer.subscribe(`${topic}.*`, { callback: (_e, m) => void (m.headers && captured.push({ subject: m.subject, headers: m.headers, data: m.data })) });
    await peer.flush();
    const producer = await createNatsExtGuest(server, ns, 'order-service', { acks: false, tab: 'tab-me' });
    await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('mine')));
    await waitFor(() => captured.length === 1, 'the peer captured it', 5000);
    spy.unsubscribe();
    // Later (a new run, another tab) a guest subscribes: it never got the original. The
    // handler's group starts again too, with the original waiting for it on the server.
    await new Promise((r) => setTimeout(r, CORE_START_SLACK_MS + 500));
    const later = await createNatsExtGuest(server, ns, 'all-orders', { subscriptions: [`${topic}.*`], handle: () => undefined, acks: false, tab: 'tab-me' });
    const billingAgain = await createNatsExtGuest(server, ns, 'billing', { subscriptions: [`${topic}.*`], handle: () => undefined, tab: 'tab-me' });
    await waitFor(() => delivered(billingAgain).length === 1, 'the original handed to the group', 8000);
    const replay = headers();
    for (const [k, v] of captured[0].headers) replay.set(k, v[0]);
    peer.publish(captured[0].subject, captured[0].data, { headers: replay });
    await waitFor(() => delivered(later).length === 1 && delivered(billingAgain).length === 2, 'the replay delivered', 8000);
    // A genuine send after it (on another connection than the replay's), to the same subscribers: still mine.
    await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('new')));
    await waitFor(() => delivered(later).length === 2 && delivered(billingAgain).length === 3, 'the replay and the new message delivered', 8000);
    const marks = (g: ExtGuest) => delivered(g).map((e) => [textOfEvent(e), e.transit?.fromThisBrowser === true, e.transit?.replayed === true]);
    expect(marks(later)).toEqual([['mine', false, true], ['new', true, false]]);
    // A JetStream consumer judges by stream sequence: the original, stored before this member
    // started, is mine; the replay, stored anew, is not.
    expect(marks(billingAgain)).toEqual([['mine', true, false], ['mine', false, true], ['new', true, false]]);
  }, 30_000);

  it('does not take a message stored long after this browser stamped it as mine, even at a group that never saw the original', async () => {
    const ns = `stored${process.pid}n${++n}`;
    const topic = `orders${n}`;
    const billing = await createNatsExtGuest(server, ns, 'billing', { subscriptions: [`${topic}.*`], handle: () => undefined, tab: 'tab-me' });
    const producer = await createNatsExtGuest(server, ns, 'order-service', { acks: false, tab: 'tab-me' });
    await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('mine')));
    await waitFor(() => delivered(billing).length === 1, 'the genuine message', 8000);
    // What a peer re-publishes 20 s after capturing one of my messages (one this group never
    // got: taken by another member, or before the group existed): my seal, my stamp of then.
    const seal = createNatsSeal(TEST_BROWSER_KEY);
    const envelope = { id: 'captured-1', source: '/wcp/tab-me/order-service', type: 'wcp.message', specversion: '1.0', subject: `${topic}.created` };
    const data = utf8('captured');
    const then = Date.now() - 20_000;
    const now = vi.spyOn(Date, 'now').mockReturnValue(then);
    const stamped = seal.of(envelope.id, envelope.source, envelope.subject, data);
    now.mockRestore();
    const h = toHeaders(envelope);
    h.set(SEAL_HEADER, stamped);
    peer.publish(envelope.subject, data, { headers: h });
    // At the server before the next genuine send (another connection), so the stream keeps this order.
    await peer.flush();
    await producer.imports.producer.send(producer.client, `${topic}.created`, new producer.imports.types.Message(utf8('new')));
    await waitFor(() => delivered(billing).length === 3, 'the replay and the new message', 8000);
    const marks = delivered(billing).map((e) => [textOfEvent(e), e.transit?.fromThisBrowser === true, e.transit?.replayed === true]);
    expect(marks).toEqual([['mine', true, false], ['captured', false, true], ['new', true, false]]);
  }, 30_000);
});
