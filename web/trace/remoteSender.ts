import type { TraceEvent, TraceStore } from '../../src/index';
import { memoByString } from '../diagram/memoByString';

/**
 * Who sent a delivered message, when it came from outside this browser. `peer claiming my
 * tab`: its source names one of this browser's tabs, but it came through the NATS server
 * without this browser's seal, so another client wrote that source.
 */
export type RemoteSender = 'other machine' | 'NATS client' | 'peer claiming my tab';

/** The sending tab named by a playground source `/wcp/<tab>/<guest>`; null for other sources. */
const senderTab = memoByString((source: string): string | null => {
  const m = /^\/wcp\/([^/]+)\//.exec(source);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
});

/**
 * For a `deliver` event, who outside this browser sent the message: a playground tab on
 * another machine (its CloudEvents source names a tab this browser never heard from), or a
 * plain NATS client (source `nats:<subject>`), or a client whose source names one of this
 * browser's tabs without its seal. Undefined for messages of this browser, whose sends are in
 * the trace already. On a NATS server the room's messages otherwise looked like
 * the presenter's own: the deliver row and the diagram's arrow said nothing of the sender.
 */
export function remoteSenderOf(e: TraceEvent, store: Pick<TraceStore, 'isBrowserTab'>): RemoteSender | undefined {
  if (e.kind !== 'message' || e.action !== 'deliver') return undefined;
  const source = e.envelope.source;
  if (typeof source !== 'string') return undefined;
  const tab = senderTab(source);
  if (tab === null) return source.startsWith('nats:') ? 'NATS client' : undefined;
  if (!store.isBrowserTab(tab)) return 'other machine';
  // Through a broker, a source is only a claim: this browser's own sends carry its seal.
  // (Without a broker the message came over this origin's BroadcastChannel: its own.)
  return e.transit !== undefined && e.transit.fromThisBrowser !== true ? 'peer claiming my tab' : undefined;
}

/** A sentence on the sender for the inspector; `replayed`: the event's `transit.replayed`. */
export function describeRemoteSender(sender: RemoteSender, source: unknown, replayed?: boolean): string {
  if (sender === 'NATS client') return 'a plain NATS client (no CloudEvents source)';
  if (sender === 'other machine') return `a playground tab on another machine (${String(source)})`;
  if (replayed) return `a NATS client that is not this browser: it re-published one of this browser's messages word for word, seal and all (source ${String(source)}), which this receiver had already been handed`;
  return `a NATS client that is not this browser: its source ${String(source)} names one of this browser's tabs, but it came through the server without this browser's seal`;
}
