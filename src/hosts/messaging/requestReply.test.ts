import { afterEach, describe, expect, it } from 'vitest';
import type { HostError } from '../hostContract';
import type { MessageEvent_ } from '../../trace/traceEvent';
import { closeTestBuses, createTestGuest, utf8, type TestGuest } from './createTestGuest';
import type { Message } from './messageTypes';

let ns = 0;
const freshNamespace = () => `test-rr-${process.pid}-${++ns}`;
const text = (m: Message) => new TextDecoder().decode(m.data());

afterEach(() => closeTestBuses());

/** A responder guest that answers every request on `topic` `copies` times. */
async function responder(namespace: string, name: string, copies = 1): Promise<TestGuest> {
  const holder: { guest?: TestGuest } = {};
  holder.guest = await createTestGuest(namespace, name, {
    subscriptions: ['svc.*'],
    exports: {
      incomingHandler: {
        handle: (request: Message) => {
          const { Message: Msg } = holder.guest!.imports.types;
          for (let i = 0; i < copies; i++) {
            const answer = new Msg(utf8(`${name}:${text(request)}:${i}`));
            answer.setContentType('text/plain');
            holder.guest!.imports['request-reply'].reply(request, answer);
          }
        },
      },
    },
  });
  return holder.guest;
}

async function caller(namespace: string) {
  const guest = await createTestGuest(namespace, 'caller');
  const { Client, Message } = guest.imports.types;
  const rr = guest.imports['request-reply'];
  return { guest, rr, client: Client.connect('c'), msg: (s: string) => new Message(utf8(s)) };
}

describe('request-reply', () => {
  it('without options waits for exactly one reply', async () => {
    const namespace = freshNamespace();
    await responder(namespace, 'r1', 3);
    const { guest, rr, client, msg } = await caller(namespace);
    const replies = await rr.request(client, 'svc.echo', msg('hi'));
    expect(replies.map(text)).toEqual(['r1:hi:0']);
    expect(replies[0].contentType()).toBe('text/plain');
    expect(replies[0].topic()).toMatch(/^_inbox\./);
    const request = guest.events.find((e): e is MessageEvent_ => e.kind === 'message' && e.action === 'request');
    expect(request?.envelope.replyto).toBe(replies[0].topic());
  });

  it('collects the expected number of replies from several responders', async () => {
    const namespace = freshNamespace();
    await responder(namespace, 'r1');
    await responder(namespace, 'r2');
    await responder(namespace, 'r3');
    const { rr, client, msg } = await caller(namespace);
    const options = new rr.RequestOptions();
    options.setExpectedReplies(3);
    options.setTimeoutMs(2000);
    const started = Date.now();
    const replies = await rr.request(client, 'svc.echo', msg('q'), options);
    expect(replies.map(text).sort()).toEqual(['r1:q:0', 'r2:q:0', 'r3:q:0']);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('with a timeout only, returns everything that arrived in time', async () => {
    const namespace = freshNamespace();
    await responder(namespace, 'r1', 2);
    const { rr, client, msg } = await caller(namespace);
    const options = new rr.RequestOptions();
    options.setTimeoutMs(100);
    const replies = await rr.request(client, 'svc.echo', msg('t'), options);
    expect(replies.map(text)).toEqual(['r1:t:0', 'r1:t:1']);
  });

  it('returns the replies so far when the timeout beats the expected count', async () => {
    const namespace = freshNamespace();
    await responder(namespace, 'r1');
    const { rr, client, msg } = await caller(namespace);
    const options = new rr.RequestOptions();
    options.setTimeoutMs(80);
    options.setExpectedReplies(5);
    expect((await rr.request(client, 'svc.echo', msg('p'), options)).map(text)).toEqual(['r1:p:0']);
  });

  it('throws timeout when nobody answers', async () => {
    const { rr, client, msg } = await caller(freshNamespace());
    const options = new rr.RequestOptions();
    options.setTimeoutMs(50);
    await expect(rr.request(client, 'svc.nobody', msg('x'), options)).rejects.toMatchObject({ payload: { tag: 'timeout' } });
  });

  it('refuses to reply to a message without reply-to', async () => {
    const { rr, msg } = await caller(freshNamespace());
    try {
      rr.reply(msg('not a request'), msg('answer'));
      expect.unreachable();
    } catch (error) {
      expect((error as HostError).payload).toEqual({ tag: 'other', val: 'message has no reply-to' });
    }
  });

  it('records request, reply and deliver events', async () => {
    const namespace = freshNamespace();
    const r1 = await responder(namespace, 'r1');
    const { guest, rr, client, msg } = await caller(namespace);
    await rr.request(client, 'svc.echo', msg('e'));
    const actions = (g: TestGuest) => g.events.flatMap((e) => (e.kind === 'message' ? [e.action] : []));
    expect(actions(guest)).toEqual(['request', 'deliver']);
    expect(actions(r1)).toEqual(['deliver', 'reply', 'ack']);
  });
});
