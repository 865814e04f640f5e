import type { HostContext } from '../hostContract';
import type { Bus } from './createBus';
import { createEnvelope, type Envelope } from './createEnvelope';
import { validateTopic } from './matchTopic';
import { fail, type MessageContent } from './messageTypes';

/** How a publication shows up in the trace. */
export type PublishAction = 'send' | 'request' | 'reply';

/** One message to put on the bus. */
export interface Publication {
  topic: string;
  message: MessageContent;
  action: PublishAction;
  /** Inbox for replies (request-reply requests only). */
  replyTo?: string;
}

/**
 * Wraps a guest message in a CloudEvents envelope, posts envelope + bytes on the bus and
 * records a `message` trace event. Invalid topics become `err(other)` for the guest.
 */
export function publishMessage(ctx: HostContext, bus: Bus, publication: Publication): Envelope {
  const { topic, message, action, replyTo } = publication;
  if (typeof topic !== 'string') fail({ tag: 'other', val: 'topic must be a string' });
  const problem = validateTopic(topic);
  if (problem !== undefined) fail({ tag: 'other', val: problem });
  let envelope: Envelope;
  try {
    envelope = createEnvelope({
      topic,
      contentType: message.contentType,
      metadata: message.metadata,
      replyTo,
      tab: ctx.tab ?? 'local',
      guest: ctx.config.guest,
    });
  } catch (error) {
    fail({ tag: 'other', val: `cannot build CloudEvents envelope: ${String(error)}` });
  }
  const { data } = message;
  // Stamped before the post, so send → deliver latency includes the channel itself.
  const at = performance.timeOrigin + performance.now();
  try {
    bus.post({ type: 'message', envelope, data });
  } catch (error) {
    fail({ tag: 'connection', val: String(error instanceof Error ? error.message : error) });
  }
  ctx.emit({ kind: 'message', action, topic, envelope, data, at });
  return envelope;
}
