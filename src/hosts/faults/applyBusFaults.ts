import type { HostContext } from '../hostContract';
import type { Bus, BusListener, BusMessagePacket, BusPacket } from '../messaging/createBus';
import { hasBusFaults, type FaultConfig } from './faultConfig';
import { rngFor, type Rng } from './createRng';
import { matchTopic } from '../messaging/matchTopic';

type MessagePacket = Extract<BusPacket, { type: 'message' }>;

/**
 * A gate every message packet passes through on its way to `forward`: it may drop it,
 * forward it twice, hold it for a delay, or hold a window of packets and release them
 * shuffled. Each injected fault is traced as a `message` event with `fault` set
 * (`action: 'drop'` for drops). Non-message packets (claims, notices) pass untouched: they
 * are the broker's bookkeeping, not traffic.
 */
export function createFaultGate(
  faults: FaultConfig,
  rng: Rng,
  trace: (packet: MessagePacket, action: 'drop' | 'send' | 'deliver', fault: string) => void,
  forward: (packet: BusPacket) => void,
  action: 'send' | 'deliver' = 'send',
  // How the second transmission is made; a caller that settles each copy on its own
  // (durable deliveries, streamDelivery.ts) needs to know which packet it copies. A call,
  // not the bare function: browsers may refuse structuredClone called without its global.
  copy: (packet: MessagePacket) => MessagePacket = (packet) => structuredClone(packet),
): (packet: BusPacket) => void {
  const window = faults.reorderWindow ?? 0;
  const held: MessagePacket[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const release = (packet: MessagePacket): void => {
    const d = faults.delayMs;
    if (d === undefined) return forward(packet);
    const ms = rng.int(Math.floor(d.min), Math.floor(d.max));
    trace(packet, action, `delay ${ms}ms`);
    setTimeout(() => forwardLater(forward, packet), ms);
  };

  const flush = (): void => {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    const batch = held.splice(0);
    // Fisher-Yates with the seeded source.
    for (let i = batch.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [batch[i], batch[j]] = [batch[j], batch[i]];
    }
    batch.forEach((p, i) => {
      if (batch.length > 1) trace(p, action, `reorder ${i + 1}/${batch.length}`);
      release(p);
    });
  };

  return (packet) => {
    if (packet.type !== 'message') return forward(packet);
    if (rng.next() < (faults.dropProbability ?? 0)) return trace(packet, 'drop', 'drop');
    const copies = rng.next() < (faults.duplicateProbability ?? 0) ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      // The duplicate is a real second transmission: same envelope id, so consumers can dedupe.
      const transmission = c === 0 ? packet : copy(packet);
      if (c > 0) trace(transmission, action, 'duplicate');
      if (window <= 1) {
        release(transmission);
        continue;
      }
      held.push(transmission);
      if (held.length >= window) flush();
      else flushTimer ??= setTimeout(() => forwardLater(flush, undefined), faults.reorderFlushMs ?? 50);
    }
  };
}

/** A held packet may outlive its guest; posting to the closed bus then is not an error. */
function forwardLater<T>(fn: (arg: T) => void, arg: T): void {
  try {
    fn(arg);
  } catch {
    // The run ended while the packet was held back: the network "lost" it.
  }
}

/**
 * Wraps a guest's bus with the messaging faults of its config (or returns it unchanged).
 * `messagesAt: 'send'` gates `post`; `'deliver'` gates what reaches this guest: one gate for
 * all its listeners (its handler, a request's inbox, a pull subscription), over the messages
 * of topics it subscribed to. A gate per listener traced each fault once per listener, and on
 * a broadcast bus (which hands every listener every packet) faulted and traced messages of
 * topics the guest never asked for.
 */
export function applyBusFaults(bus: Bus, ctx: HostContext): Bus {
  const faults = ctx.config.faults;
  if (!hasBusFaults(faults)) return bus;
  const rng = rngFor(faults.seed, 'bus');
  const at = faults.messagesAt ?? 'send';
  const trace = busFaultTracer(ctx, at);
  if (at === 'send') {
    const gate = createFaultGate(faults, rng, trace, (p) => bus.post(p), 'send');
    return { namespace: bus.namespace, post: gate, listen: (l) => bus.listen(l), release: () => bus.release(), ...withSubscribe(bus) };
  }
  const listeners = new Set<BusListener>();
  const dispatch = (packet: BusPacket): void => {
    for (const listener of [...listeners]) listener(packet);
  };
  const gate = createFaultGate(faults, rng, trace, dispatch, 'deliver');
  const patterns = new Map<string, number>();
  // Per delivered packet: no array made for the patterns.
  const wanted = (packet: BusPacket): boolean => {
    if (packet.type !== 'message') return false;
    for (const pattern of patterns.keys()) if (matchTopic(pattern, packet.envelope.subject ?? '')) return true;
    return false;
  };
  let unlisten: (() => void) | undefined;
  return {
    namespace: bus.namespace,
    post: (p) => bus.post(p),
    listen(listener: BusListener) {
      listeners.add(listener);
      unlisten ??= bus.listen((packet) => (wanted(packet) ? gate(packet) : dispatch(packet)));
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unlisten?.();
        unlisten = undefined;
      };
    },
    release: () => bus.release(),
    ...withSubscribe(bus),
    subscribe(pattern: string, group?: string) {
      patterns.set(pattern, (patterns.get(pattern) ?? 0) + 1);
      const off = bus.subscribe?.(pattern, group);
      return () => {
        const left = (patterns.get(pattern) ?? 1) - 1;
        if (left > 0) patterns.set(pattern, left);
        else patterns.delete(pattern);
        off?.();
      };
    },
  };
}

/** Traces an injected fault as a `message` event (`to` this guest when it hit its delivery). */
export function busFaultTracer(ctx: HostContext, at: 'send' | 'deliver'): (packet: MessagePacket, action: 'drop' | 'send' | 'deliver', fault: string) => void {
  const to = at === 'deliver' ? ctx.config.guest : undefined;
  return (packet, action, fault) => {
    ctx.emit({ kind: 'message', action, topic: packet.envelope.subject ?? '', envelope: packet.envelope, data: packet.data, fault, ...(to ? { to } : {}) });
  };
}

/**
 * Keeps the wrapped bus's subject interest, its `settled`, its topic-log appends and its
 * connection-loss notice (NATS), which faults do not change: without `settled` a send would
 * not wait for the topic log or the client's flush, and the log is appended by the host
 * before the faulty network.
 */
function withSubscribe(bus: Bus): Pick<Bus, 'subscribe' | 'settled' | 'appendToLog' | 'onLost' | 'routesGroups'> {
  return {
    ...(bus.routesGroups ? { routesGroups: true } : {}),
    ...(bus.onLost ? { onLost: (listener: (why: string) => void) => bus.onLost!(listener) } : {}),
    ...(bus.subscribe ? { subscribe: (pattern: string, group?: string) => bus.subscribe!(pattern, group) } : {}),
    ...(bus.settled ? { settled: () => bus.settled!() } : {}),
    ...(bus.appendToLog ? { appendToLog: (packet: BusMessagePacket) => bus.appendToLog!(packet) } : {}),
  };
}
