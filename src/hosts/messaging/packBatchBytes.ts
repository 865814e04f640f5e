import type { BusMessagePacket, BusPacket } from './createBus';
import { ownedBytes } from '../../platform/ownedBytes';

/** Payloads up to this size share one buffer in a batch (packBytes); larger ones keep their own. */
export const PACK_MAX_BYTES = 1024;

/**
 * The batch with the payloads of its small message packets copied into one buffer, each
 * packet's `data` a view of it (new packet objects; the posted ones are not changed). The
 * structured clone of a batch then copies one ArrayBuffer instead of one per packet: per
 * packet, a BroadcastChannel post of 40 packets cost 4.3 µs with their own 32-byte buffers
 * and 2.5 µs with views of one, and the receiver allocates one backing store, not 40.
 */
export function packBytes(batch: BusPacket[]): BusPacket[] {
  let total = 0;
  let small = 0;
  for (const p of batch) {
    if (p.type === 'message' && p.data instanceof Uint8Array && p.data.byteLength <= PACK_MAX_BYTES) {
      total += p.data.byteLength;
      small += 1;
    }
  }
  if (small < 2) return batch;
  const bytes = new Uint8Array(total);
  let at = 0;
  return batch.map((p) => {
    if (p.type !== 'message' || !(p.data instanceof Uint8Array) || p.data.byteLength > PACK_MAX_BYTES) return p;
    const view = bytes.subarray(at, at + p.data.byteLength);
    view.set(p.data);
    at += p.data.byteLength;
    const packed: BusMessagePacket = Object.assign({}, p);
    packed.data = view;
    return packed;
  });
}

/**
 * A received packet whose payload is a view of a batch's shared buffer gets its own copy
 * (small: packBytes shares only payloads up to PACK_MAX_BYTES): a handler that forwards or
 * stores a message must not carry the whole batch's buffer along.
 */
export function ownBytes(packet: BusPacket): BusPacket {
  if (packet.type === 'message' && packet.data instanceof Uint8Array) packet.data = ownedBytes(packet.data);
  return packet;
}
