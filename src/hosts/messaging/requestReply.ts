import { HostError, type HostContext } from '../hostContract';
import type { Bus } from './createBus';
import { readEnvelope } from './createEnvelope';
import { inboxPrefix } from './matchTopic';
import { publishMessage } from './publishMessage';
import { fail, type Client, type Message, type MessageContent, type MessageTypes, type ReceivedFields, type RequestOptions } from './messageTypes';
import { randomUuid } from '../../platform/randomUuid';

/** The `request-reply` interface bound to one guest's context and bus. */
export interface RequestReplyImpl {
  RequestOptions: MessageTypes['RequestOptions'];
  request(client: Client, topic: string, message: Message, options?: RequestOptions): Promise<Message[]>;
  reply(replyTo: Message, message: Message): void;
}

/**
 * request publishes with a fresh `_inbox.<uuid>` in the envelope's `replyto` extension and
 * waits on the bus for messages sent to that inbox:
 * - no options (or neither limit set): until one reply;
 * - timeout only: until the timeout; `err(timeout)` if nothing came back;
 * - expected replies only: until that many replies;
 * - both: whichever comes first (`err(timeout)` only when no reply arrived at all);
 * - the bus loses its connection meanwhile (NATS): `err(connection)` at once.
 */
export function createRequestReply(ctx: HostContext, bus: Bus, types: MessageTypes): RequestReplyImpl {
  return {
    RequestOptions: types.RequestOptions,
    request(client, topic, message, options) {
      types.assertConnected(client);
      return collectReplies(ctx, bus, topic, types.contentOf(message), { timeoutMs: options?.timeoutMs, expectedReplies: options?.expectedReplies }).then((replies) =>
        replies.map((fields) => types.received(fields)),
      );
    },
    reply(replyTo, message) {
      const inbox = types.replyToOf(replyTo);
      if (inbox === undefined) fail({ tag: 'other', val: 'message has no reply-to' });
      publishMessage(ctx, bus, { topic: inbox, message: types.contentOf(message), action: 'reply' });
    },
  };
}

/**
 * The bus side of a request, shared by the 0.2 host and the WASI 0.3 proposal host:
 * publishes `content` on `topic` with a fresh `_inbox.<uuid>` in the envelope's `replyto`
 * extension and resolves with the replies that reach that inbox (limits as above).
 */
export function collectReplies(
  ctx: HostContext,
  bus: Bus,
  topic: string,
  content: MessageContent,
  options: { timeoutMs?: number; expectedReplies?: number },
): Promise<ReceivedFields[]> {
  const { timeoutMs, expectedReplies: expected } = options;
  if (expected === 0) fail({ tag: 'other', val: 'expected-replies must be at least 1' });
  const limit = expected ?? (timeoutMs === undefined ? 1 : Number.POSITIVE_INFINITY);
  const inbox = `${inboxPrefix}${randomUuid()}`;
  return new Promise<ReceivedFields[]>((resolve, reject) => {
    const replies: ReceivedFields[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let forgetLoss: (() => void) | undefined;
    let ended = false;
    const end = (): void => {
      ended = true;
      stop();
      unsubscribe?.();
      forgetLoss?.();
      if (timer !== undefined) clearTimeout(timer);
    };
    const finish = (): void => {
      end();
      if (replies.length === 0) reject(new HostError({ tag: 'timeout' }, `no reply on ${topic} within ${timeoutMs} ms`));
      else resolve(replies);
    };
    // Listen before publishing so a fast responder in this worker is not missed.
    const stop = bus.listen((packet) => {
      if (packet.type !== 'message' || packet.envelope.subject !== inbox) return;
      if (replies.length >= limit) return;
      const fields = readEnvelope(packet.envelope);
      replies.push({ ...fields, data: packet.data });
      ctx.emit({ kind: 'message', action: 'deliver', topic: inbox, envelope: packet.envelope, data: packet.data, to: ctx.config.guest });
      if (replies.length >= limit) finish();
    });
    const unsubscribe = bus.subscribe?.(inbox);
    if (timeoutMs !== undefined) timer = setTimeout(finish, timeoutMs);
    try {
      publishMessage(ctx, bus, { topic, message: content, action: 'request', replyTo: inbox });
    } catch (error) {
      end();
      reject(error);
      return;
    }
    if (ended) return;
    // Replies that came before the loss are not thrown away: the guest gets what it has.
    forgetLoss = bus.onLost?.((why) => {
      end();
      if (replies.length > 0) resolve(replies);
      else reject(new HostError({ tag: 'connection', val: `${why} while waiting for replies on ${topic}` }));
    });
  });
}
