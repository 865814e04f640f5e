import { wsconnect, type NatsConnection } from '@nats-io/nats-core';
import { createEnvelope } from '../src/hosts/messaging/createEnvelope';
import { fromNatsMessage, toHeaders } from '../src/hosts/backend/nats/natsBus';

/**
 * The raw baseline of the NATS messaging bench: a plain worker with its own WebSocket
 * connection (as a second page would have), publishing or subscribing with the NATS
 * client alone. The send time travels in the first 8 bytes of the 32-byte payload.
 * Probe variants (not the baseline): `envelope` sends each message with the guest's
 * CloudEvents headers (a fresh envelope per message, as the host builds) and the receiver
 * decodes them as the host does (natsBus.ts), to split the guest's latency into wire and host.
 */
type Command =
  | { cmd: 'connect'; servers: string }
  | { cmd: 'receive'; subject: string; total: number; envelope?: boolean }
  | { cmd: 'send'; subject: string; bursts: number; perBurst: number; intervalMs?: number; envelope?: boolean }
  | { cmd: 'close' };

let nc: NatsConnection | undefined;
const now = (): number => performance.timeOrigin + performance.now();
const reply = (data: unknown): void => postMessage(data);

onmessage = async (ev: MessageEvent<Command>) => {
  const m = ev.data;
  try {
    if (m.cmd === 'connect') {
      nc = await wsconnect({ servers: m.servers });
      reply({ type: 'connected' });
    } else if (m.cmd === 'receive') {
      const lat: number[] = [];
      const sub = nc!.subscribe(m.subject, {
        callback: (_error, msg) => {
          // Decoded before the stamp, as the host stamps delivery after decoding.
          if (m.envelope) fromNatsMessage(msg, now());
          const last = now();
          lat.push(last - new DataView(msg.data.buffer, msg.data.byteOffset, 8).getFloat64(0));
          if (lat.length === m.total) {
            sub.unsubscribe();
            reply({ type: 'received', lat, last });
          }
        },
      });
      // The server knows the subscription once the flush returns.
      await nc!.flush();
      reply({ type: 'ready' });
    } else if (m.cmd === 'send') {
      const first = now();
      let lastSend = first;
      for (let b = 0; b < m.bursts; b++) {
        for (let i = 0; i < m.perBurst; i++) {
          const data = new Uint8Array(32);
          lastSend = now();
          new DataView(data.buffer).setFloat64(0, lastSend);
          if (m.envelope) nc!.publish(m.subject, data, { headers: toHeaders(createEnvelope({ topic: m.subject, tab: 'raw', guest: 'raw' })) });
          else nc!.publish(m.subject, data);
        }
        if (m.intervalMs !== undefined) await new Promise((r) => setTimeout(r, Math.max(0, first - performance.timeOrigin + (b + 1) * m.intervalMs! - performance.now())));
      }
      await nc!.flush();
      reply({ type: 'sent', first, lastSend });
    } else if (m.cmd === 'close') {
      await nc?.close();
      reply({ type: 'closed' });
    }
  } catch (error) {
    reply({ type: 'error', error: String(error) });
  }
};
