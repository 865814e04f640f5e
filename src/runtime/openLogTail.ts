import type { LogMessage } from './createLogCoalescer';
import type { TailPortMessage } from './createLogTail';

/** How long the tail ports must stay silent once started before they count as read. */
export const TAIL_QUIET_MS = 40;
/** The longest a drain waits, however much keeps coming (a worker still printing as it dies). */
const TAIL_MAX_MS = 1000;

/**
 * The page's side of a run's log tail (createLogTail.ts is the worker's): `port` goes to the
 * worker in its start request; the ports it sends back are kept unstarted, so the writes
 * queued on them cost the page nothing, and closed unread once a post covering them came
 * (`confirm`). When the page terminates the worker, `drain` reads what is left: the writes the
 * worker held when it was ended, which no post will bring, in the order they were written.
 *
 * The end of a drain is a quiet spell: the ports do not tell that their far end died
 * (Chromium fires no `close` for a terminated worker's port), and what was queued before the
 * terminate is read as soon as the ports start (measured: 20,000 queued messages before the
 * next timer task).
 */
export function openLogTail() {
  const control = new MessageChannel();
  const held = new Map<number, MessagePort>();
  /** Whose writes each port carries (its control message without the port). */
  const whose = new Map<number, Omit<TailPortMessage, 'port'>>();
  let confirmed = 0;
  /** While draining: starts reading a port as soon as it comes. */
  let onPort: ((gen: number, port: MessagePort) => void) | undefined;
  control.port2.onmessage = (ev: MessageEvent<unknown>) => {
    const { port, ...header } = (ev.data ?? {}) as Partial<TailPortMessage>;
    const { gen } = header;
    if (typeof gen !== 'number' || !(port instanceof MessagePort)) return;
    if (gen <= confirmed) return port.close();
    whose.set(gen, header as Omit<TailPortMessage, 'port'>);
    if (onPort) onPort(gen, port);
    else held.set(gen, port);
  };
  const closeAll = () => {
    for (const port of held.values()) port.close();
    held.clear();
    control.port2.close();
  };
  return {
    /** For the worker's start request (transfer it). */
    port: control.port1,
    /** A post holding every write of the ports up to `gen` arrived: they are closed unread. */
    confirm(gen: number): void {
      if (gen <= confirmed) return;
      confirmed = gen;
      for (const [g, port] of held) {
        if (g > gen) continue;
        port.close();
        held.delete(g);
        whose.delete(g);
      }
    },
    /** The run ended cleanly (its worker flushed its output): nothing to read. */
    close: closeAll,
    /** After the worker was terminated: the writes its tail ports still hold, as `log` messages, oldest first; then closes. */
    drain(): Promise<LogMessage[]> {
      const got = new Map<number, LogMessage[]>();
      let lastAt = performance.now();
      const startedAt = lastAt;
      const read = (gen: number, port: MessagePort) => {
        const list: LogMessage[] = [];
        const header = whose.get(gen)!;
        got.set(gen, list);
        held.set(gen, port);
        port.onmessage = (ev: MessageEvent<unknown>) => {
          if (typeof ev.data !== 'string') return;
          list.push({ type: 'log', seq: header.seq, stream: header.stream, text: ev.data, ...(header.guest === undefined ? {} : { guest: header.guest }) });
          lastAt = performance.now();
        };
      };
      onPort = (gen, port) => {
        lastAt = performance.now();
        read(gen, port);
      };
      for (const [gen, port] of held) read(gen, port);
      return new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          if (now - lastAt < TAIL_QUIET_MS && now - startedAt < TAIL_MAX_MS) return void setTimeout(check, TAIL_QUIET_MS - (now - lastAt));
          onPort = undefined;
          closeAll();
          resolve([...got.entries()].sort(([a], [b]) => a - b).flatMap(([, list]) => list));
        };
        setTimeout(check, TAIL_QUIET_MS);
      });
    },
  };
}
