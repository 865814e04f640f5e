import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from '../hostContract';
import type { MessageEvent_ } from '../../trace/traceEvent';
import { closeClaimDatabases } from './claimMessage';
import { closeTestBuses, createTestGuest, utf8, waitFor, type GuestImports, type TestGuest } from './createTestGuest';
import { createBus, closeAllBuses } from './createBus';
import { createMessagingHost } from './createMessagingHost';
import type { Message } from './messageTypes';
import { endRun } from '../../platform/atRunEnd';

let ns = 0;
const freshNamespace = () => `test-msg-${process.pid}-${++ns}`;
const messageEvents = (g: TestGuest, action: MessageEvent_['action']) =>
  g.events.filter((e): e is MessageEvent_ => e.kind === 'message' && e.action === action);

afterEach(() => {
  closeTestBuses();
  closeAllBuses();
  closeClaimDatabases();
});

/** A guest whose handler records what it saw. */
async function receiver(namespace: string, name: string, subscriptions: string[], handle?: (m: Message) => unknown) {
  const seen: Array<{ topic?: string; data: string; contentType?: string; metadata?: Array<[string, string]> }> = [];
  const guest = await createTestGuest(namespace, name, {
    subscriptions,
    exports: {
      incomingHandler: {
        handle: async (m: Message) => {
          seen.push({ topic: m.topic(), data: new TextDecoder().decode(m.data()), contentType: m.contentType(), metadata: m.metadata() });
          return handle?.(m);
        },
      },
    },
  });
  return { guest, seen };
}

describe('producer.send → incoming-handler', () => {
  it('delivers topic, data, content type and metadata to another host instance', async () => {
    const namespace = freshNamespace();
    const { guest: sub, seen } = await receiver(namespace, 'sub', ['orders.*']);
    const pub = await createTestGuest(namespace, 'pub');
    const { Client, Message } = pub.imports.types;
    const message = new Message(utf8('{"n":1}'));
    message.setContentType('application/json');
    message.addMetadata('Content-Lang', 'de');
    message.addMetadata('x_y', 'z');
    pub.imports.producer.send(Client.connect('default'), 'orders.created', message);
    await waitFor(() => seen.length === 1, 'delivery');
    expect(seen[0]).toEqual({
      topic: 'orders.created',
      data: '{"n":1}',
      contentType: 'application/json',
      metadata: [['Content-Lang', 'de'], ['x_y', 'z']],
    });
    const [sent] = messageEvents(pub, 'send');
    expect(sent).toMatchObject({ topic: 'orders.created', envelope: { subject: 'orders.created', contentlang: 'de' } });
    expect(new TextDecoder().decode(sent.data)).toBe('{"n":1}');
    await waitFor(() => messageEvents(sub, 'ack').length === 1, 'ack');
    expect(messageEvents(sub, 'deliver')[0]).toMatchObject({ to: 'sub', topic: 'orders.created' });
  });

  it('delivers through the shared per-worker bus and the versioned export key', async () => {
    const namespace = freshNamespace();
    const host = createMessagingHost();
    const seen: string[] = [];
    const ctx = (guest: string, subscriptions: string[]) => ({
      config: { guest, namespace, subscriptions, buckets: [] },
      emit: () => undefined,
      log: () => undefined,
    });
    const subCtx = ctx('sub', ['a.>']);
    await host.create(subCtx);
    await host.attachExports?.(subCtx, {
      'wasi:messaging/incoming-handler@0.2.0-draft': { handle: (m: Message) => void seen.push(m.topic() ?? '') },
    });
    const pub = (await host.create(ctx('pub', []))) as never as { types: { Client: any; Message: any }; producer: any };
    pub.producer.send(pub.types.Client.connect('c'), 'a.b.c', new pub.types.Message(utf8('x')));
    pub.producer.send(pub.types.Client.connect('c'), 'b.c', new pub.types.Message(utf8('x')));
    await waitFor(() => seen.length === 1, 'delivery');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['a.b.c']);
    expect(createBus(namespace)).toBe(createBus(namespace));
  });

  it('only delivers matching topics, once per guest, never re-entrantly', async () => {
    const namespace = freshNamespace();
    let running = 0;
    let maxRunning = 0;
    const { seen } = await receiver(namespace, 'sub', ['orders.*', 'orders.>', 'orders.eu'], async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    });
    const pub = await createTestGuest(namespace, 'pub');
    const client = pub.imports.types.Client.connect('c');
    for (const topic of ['orders.eu', 'shipping.eu', 'orders.eu.x', 'orders']) {
      pub.imports.producer.send(client, topic, new pub.imports.types.Message(utf8(topic)));
    }
    await waitFor(() => seen.length === 2, 'two deliveries');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.map((s) => s.topic)).toEqual(['orders.eu', 'orders.eu.x']);
    expect(maxRunning).toBe(1);
  });

  it('handles a flood of 1,500 sends (batched on the bus) one at a time, in order, none lost, past failing calls', async () => {
    const namespace = freshNamespace();
    let running = 0;
    let maxRunning = 0;
    const { guest: sub, seen } = await receiver(namespace, 'sub', ['flood.*'], async (m) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      const n = Number(new TextDecoder().decode(m.data()));
      if (n % 100 === 0) await new Promise((r) => setTimeout(r, 1));
      running -= 1;
      if (n % 250 === 1) throw new Error(`handler failed on ${n}`);
    });
    const pub = await createTestGuest(namespace, 'pub');
    const client = pub.imports.types.Client.connect('c');
    for (let i = 0; i < 1500; i++) pub.imports.producer.send(client, 'flood.x', new pub.imports.types.Message(utf8(String(i))));
    await waitFor(() => seen.length === 1500, '1,500 deliveries', 10_000);
    expect(seen.map((s) => Number(s.data))).toEqual(Array.from({ length: 1500 }, (_, i) => i));
    expect(maxRunning).toBe(1);
    await waitFor(() => messageEvents(sub, 'drop').length === 6 && messageEvents(sub, 'ack').length === 1494, 'acks and drops');
    expect(messageEvents(sub, 'nack')).toEqual([]);
    expect(messageEvents(pub, 'send')).toHaveLength(1500);
  });

  it('rejects bad topics and disconnected clients with clear errors', async () => {
    const pub = await createTestGuest(freshNamespace(), 'pub');
    const { Client, Message } = pub.imports.types;
    const client = Client.connect('c');
    expect(() => pub.imports.producer.send(client, 'a.*', new Message(utf8('')))).toThrow(/wildcard/);
    client.disconnect();
    try {
      pub.imports.producer.send(client, 'a', new Message(utf8('')));
      expect.unreachable();
    } catch (error) {
      expect((error as HostError).payload).toEqual({ tag: 'connection', val: 'client "c" is disconnected' });
    }
  });
});

describe('handler results', () => {
  it('acks ok; drops on err, a throw or a trap, saying why (standard wasi:messaging has no nack); stops after a trap', async () => {
    const namespace = freshNamespace();
    const { guest: sub, seen } = await receiver(namespace, 'sub', ['t.*'], (m) => {
      const topic = m.topic();
      if (topic === 't.err') throw new HostError({ tag: 'other', val: 'bad order' });
      if (topic === 't.tagged') return { tag: 'err', val: { tag: 'timeout' } };
      if (topic === 't.trap') throw new WebAssembly.RuntimeError('unreachable');
      return undefined;
    });
    const pub = await createTestGuest(namespace, 'pub');
    const client = pub.imports.types.Client.connect('c');
    for (const t of ['t.ok', 't.err', 't.tagged', 't.trap', 't.after']) {
      pub.imports.producer.send(client, t, new pub.imports.types.Message(utf8(t)));
    }
    await waitFor(() => messageEvents(sub, 'drop').length === 3, 'three drops');
    await new Promise((r) => setTimeout(r, 30));
    expect(messageEvents(sub, 'ack').map((e) => e.topic)).toEqual(['t.ok']);
    expect(messageEvents(sub, 'nack')).toEqual([]);
    expect(messageEvents(sub, 'drop').map((e) => [e.topic, e.to, e.reason])).toEqual([
      ['t.err', 'sub', 'handler returned err'],
      ['t.tagged', 'sub', 'handler returned err'],
      ['t.trap', 'sub', 'handler trapped'],
    ]);
    expect(seen.map((s) => s.topic)).not.toContain('t.after');
    expect(sub.logs.join('')).toMatch(/bad order/);
    expect(sub.logs.join('')).toMatch(/trapped on t\.trap/);
    expect(sub.events.some((e) => e.kind === 'lifecycle' && e.phase === 'trap')).toBe(true);
  });
});

describe('work queues', () => {
  it('hands each of 30 messages to exactly one of 3 competing consumers', async () => {
    const namespace = freshNamespace();
    const consumers = await Promise.all(
      ['c1', 'c2', 'c3'].map((name) =>
        receiver(namespace, name, ['queue:jobs'], () => new Promise((r) => setTimeout(r, 2)))),
    );
    const pub = await createTestGuest(namespace, 'pub');
    const client = pub.imports.types.Client.connect('c');
    for (let i = 0; i < 30; i++) pub.imports.producer.send(client, 'jobs', new pub.imports.types.Message(utf8(`job-${i}`)));
    const handled = () => consumers.flatMap((c) => c.seen.map((s) => s.data));
    await waitFor(() => handled().length >= 30, '30 handled messages', 10000);
    await new Promise((r) => setTimeout(r, 100));
    const all = handled();
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    // Busy consumers back off before claiming, so the work is spread, not all taken by one.
    expect(consumers.every((c) => c.seen.length > 0)).toBe(true);
    expect(consumers.reduce((n, c) => n + messageEvents(c.guest, 'ack').length, 0)).toBe(30);
  });
});

describe('with the runtime tracer', () => {
  it('traces guest calls on resources but not host-internal helpers', async () => {
    const { wrapInterface } = await import('../../runtime/wrapInterface');
    const namespace = freshNamespace();
    const calls: string[] = [];
    const sink = (e: { fn: string; target?: { name: string } }) => calls.push(e.target ? `${e.fn}@${e.target.name}` : e.fn);
    const wrap = (impl: unknown, iface: string) =>
      wrapInterface(impl as never, { ifaceId: `wasi:messaging/${iface}@0.2.0-draft`, asyncImports: new Set(), sink }) as never;
    let rr: GuestImports['request-reply'] | undefined;
    const sub = await createTestGuest(namespace, 'sub', {
      subscriptions: ['svc.ping'],
      exports: { incomingHandler: { handle: (m: Message) => { m.setContentType('text/plain'); rr!.reply(m, m); } } },
    });
    wrap(sub.imports.types, 'types');
    rr = wrap(sub.imports['request-reply'], 'request-reply');
    const pub = await createTestGuest(namespace, 'pub');
    const { Client, Message } = pub.imports.types;
    const replies = await pub.imports['request-reply'].request(Client.connect('c'), 'svc.ping', new Message(utf8('ping')));
    expect(new TextDecoder().decode(replies[0].data())).toBe('ping');
    // Only the guest-visible calls: the handler's reply (with the topic as edge target).
    expect(calls).toEqual(['[method]message.set-content-type@svc.ping', 'reply@svc.ping']);
  });
});

describe('a handler whose run ended (its worker handed to another run)', () => {
  it('gets no delivery after endRun, while a handler of the next run does', async () => {
    const namespace = freshNamespace();
    const { seen: before } = await receiver(namespace, 'old', ['jobs.*']);
    const pub = await createTestGuest(namespace, 'pub');
    const { Client, Message } = pub.imports.types;
    const client = Client.connect('default');
    pub.imports.producer.send(client, 'jobs.a', new Message(utf8('first')));
    await waitFor(() => before.length === 1, 'delivery before the end');
    endRun();
    const { seen: after } = await receiver(namespace, 'new', ['jobs.*']);
    pub.imports.producer.send(client, 'jobs.b', new Message(utf8('second')));
    await waitFor(() => after.length === 1, 'delivery to the next run');
    // Given the same time the new one took, the old handler heard nothing more.
    await new Promise((r) => setTimeout(r, 50));
    expect(before.map((m) => m.data)).toEqual(['first']);
    expect(after.map((m) => m.data)).toEqual(['second']);
  });
});
