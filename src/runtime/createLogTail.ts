import type { LogMessage } from './createLogCoalescer';

/**
 * What the worker posts on a run's tail control port: the port the next held writes go on,
 * and whose writes they are. A port carries one stream of one guest (the coalescer posts
 * before either changes, which seals the port), so each write on it is its bare text: a
 * string costs a post about half what a LogMessage does (3.2 against 5.5 µs, measured in
 * Chromium's worker).
 */
export interface TailPortMessage extends Omit<LogMessage, 'text' | 'tail'> {
  /** 1, 2, … per run: the order in which the page reads the ports. */
  gen: number;
  port: MessagePort;
}

/**
 * The run worker's side of a run's log tail: the writes the coalescer holds (createLogCoalescer)
 * leave the worker at write time, each also posted on a MessagePort whose other end the page
 * keeps unstarted, so they queue without running a page task. A guest that floods and then
 * loops without yielding runs no task that could post what was held; when the page terminates
 * its worker, it reads the port (openLogTail.ts) and shows the lines it never got.
 *
 * Ports rotate: the first held write after a post opens a new channel, whose far end goes to
 * the page on the run's control port (a port of the page's own channel: unlike the worker's
 * own postMessage queue, which terminate() empties, what was posted on it still arrives). The
 * post that carries held writes names the generation it covers (`seal`), and the page closes
 * that port unread, so a port never holds more than one post's worth of lines.
 */
export function createLogTail() {
  let control: MessagePort | undefined;
  let port: MessagePort | undefined;
  let gen = 0;
  return {
    /** A run starts (its control port) or ends (undefined): the previous run's ports close. */
    attach(to: MessagePort | undefined): void {
      port?.close();
      port = undefined;
      if (control !== to) control?.close();
      control = to;
      gen = 0;
    },
    /** A write the coalescer holds (or joins to held ones): on the current tail port, at once. */
    hold(msg: LogMessage): void {
      if (!control) return;
      if (!port) {
        const channel = new MessageChannel();
        gen += 1;
        const { text: _text, tail: _tail, ...whose } = msg;
        control.postMessage({ ...whose, gen, port: channel.port2 } satisfies TailPortMessage, [channel.port2]);
        port = channel.port1;
      }
      port.postMessage(msg.text);
    },
    /**
     * A post joining the held writes goes out: the generation it covers, or undefined when
     * nothing was held since the last one. Closing this end keeps what is queued readable.
     */
    seal(): number | undefined {
      if (!port) return undefined;
      port.close();
      port = undefined;
      return gen;
    },
  };
}

/** The worker's log tail (createLogTail); the coalescer holds and seals through it. */
export type LogTail = Pick<ReturnType<typeof createLogTail>, 'hold' | 'seal'>;
