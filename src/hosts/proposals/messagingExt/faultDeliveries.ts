import type { HostContext } from '../../hostContract';
import { busFaultTracer, createFaultGate } from '../../faults/applyBusFaults';
import { hasBusFaults } from '../../faults/faultConfig';
import { rngFor } from '../../faults/createRng';
import type { BusPacket } from '../../messaging/busTypes';
import { readEnvelope } from '../../messaging/createEnvelope';
import type { Delivery } from '../../messaging/messagingExtension';

/** What happens to a delivery after the faults. */
export interface FaultedDeliveryHooks {
  /** It reaches the handler (maybe later, maybe reordered). */
  forward(delivery: Delivery): void;
  /** A duplicate of `of` was made; it is forwarded like any delivery. */
  copied(copy: Delivery, of: Delivery): void;
  /** It was dropped on its way to the handler (the drop is traced already). */
  dropped(delivery: Delivery): void;
}

/**
 * The Faults tab's faults "at delivery" (drop, duplicate, delay, reorder) for messages a
 * durable consumer brings (NATS JetStream). Those reach the handler without passing the
 * guest's bus, whose listeners the faults wrap (applyBusFaults), so on NATS an at-least-once
 * handler was never faulted and nothing in the trace said so, where the browser's handler got
 * the faulty traffic. Undefined when this guest has no such faults.
 */
export function faultDeliveries(ctx: HostContext, hooks: FaultedDeliveryHooks): ((delivery: Delivery) => void) | undefined {
  const faults = ctx.config.faults;
  if (!hasBusFaults(faults) || faults.messagesAt !== 'deliver') return undefined;
  const deliveries = new WeakMap<BusPacket, Delivery>();
  const traceFault = busFaultTracer(ctx, 'deliver');
  const gate = createFaultGate(
    faults,
    rngFor(faults.seed, 'bus'),
    (packet, action, fault) => {
      traceFault(packet, action, fault);
      const delivery = deliveries.get(packet);
      if (action === 'drop' && delivery) hooks.dropped(delivery);
    },
    (packet) => {
      const delivery = deliveries.get(packet);
      if (delivery) hooks.forward(delivery);
    },
    'deliver',
    (packet) => {
      const copied = structuredClone(packet);
      const of = deliveries.get(packet);
      if (of) {
        const copy: Delivery = { packet: copied, fields: readEnvelope(copied.envelope), group: of.group };
        deliveries.set(copied, copy);
        hooks.copied(copy, of);
      }
      return copied;
    },
  );
  return (delivery) => {
    deliveries.set(delivery.packet, delivery);
    gate(delivery.packet);
  };
}
