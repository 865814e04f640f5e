import { splitLines } from '../platform/splitLines';
import type { RunResponse } from '../protocol/runProtocol';
import type { LogTail } from './createLogTail';

/** One `log` message as the run worker posts it. */
export type LogMessage = Extract<RunResponse, { type: 'log' }>;

/** Least time between two posts of log text while a guest keeps printing. */
export const LOG_POST_MS = 50;
/** A joined post leaves at this many lines whatever the time: bounds one message's clone. */
const MAX_LINES = 2000;
/** Writes posted one by one after a quiet frame before joining starts (a few prints stay instant). */
const BURST = 32;

/**
 * Joins a guest's consecutive writes to one stream into one `log` message. A handler printing
 * a line per delivery posted one message per line: under a flood of 100,000 deliveries that
 * is 100,000 tasks on the page, each a MessageEvent for Blink to collect afterwards. The
 * first BURST writes after a quiet frame still leave at once — a guest that prints and then hangs
 * (the page then ends its worker) has its lines shown; writes beyond them wait for the next
 * frame (16 ms) or, from a guest that never yields, for LOG_POST_MS since the last post.
 * A message is one or more lines, without or with a final newline (the stdout sink emits one
 * line each, host code's `ctx.log` whole texts), and the page splits each message into its
 * lines (splitLines); a joined message holds exactly the lines of the ones it
 * joins, in order. `flush` before any other message keeps every message's order.
 *
 * `tail`: every write held, or joined to held ones, is also handed to it at once (createLogTail:
 * the page reads them if it ends the worker before the post), and a post holding such writes
 * names the tail generation it covers (`tail` in the message).
 */
export function createLogCoalescer(send: (msg: LogMessage) => void, now: () => number = () => performance.now(), tail?: LogTail) {
  let pending: LogMessage | undefined;
  // The lines of the messages joined into `pending`, once a second one came.
  let lines: string[] | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPost = -Infinity;
  let lastWrite = -Infinity;
  let postsInBurst = 0;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    // Every line ends in "\n" so a last empty line survives the page's dropping of a final "".
    const joined = lines ? { ...pending, text: `${lines.join('\n')}\n` } : pending;
    const gen = tail?.seal();
    const msg = gen === undefined ? joined : { ...joined, tail: gen };
    pending = undefined;
    lines = undefined;
    lastPost = now();
    send(msg);
  };
  return {
    push(msg: LogMessage) {
      if (pending && (pending.stream !== msg.stream || pending.guest !== msg.guest || pending.seq !== msg.seq)) flush();
      const joins = pending !== undefined;
      if (!pending) pending = msg;
      else {
        lines ??= splitLines(pending.text);
        for (const line of splitLines(msg.text)) lines.push(line);
      }
      const t = now();
      // The budget of instant posts comes back only after a quiet frame: a flood spends it once.
      if (t - lastWrite >= 16) postsInBurst = 0;
      lastWrite = t;
      if (postsInBurst < BURST || (lines?.length ?? 0) >= MAX_LINES || t - lastPost >= LOG_POST_MS) {
        // Joined to held writes: this post may be lost with them (terminate() drops the
        // worker's posts the page has not handled yet); the tail has them all.
        if (joins) tail?.hold(msg);
        postsInBurst += 1;
        flush();
      } else {
        tail?.hold(msg);
        timer ??= setTimeout(flush, 16);
      }
    },
    flush,
  };
}

