import type { TraceEvent, TraceStore } from '../../src/index';
import { memoByString } from '../diagram/memoByString';

/** Who sent a delivered message, when it came from outside this browser. */
export type RemoteSender = 'other machine' | 'NATS client';

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
 * plain NATS client (source `nats:<subject>`). Undefined for messages of this browser, whose
 * sends are in the trace already. On a NATS server the room's messages otherwise looked like
 * the presenter's own: the deliver row and the diagram's arrow said nothing of the sender.
 */
export function remoteSenderOf(e: TraceEvent, store: Pick<TraceStore, 'isBrowserTab'>): RemoteSender | undefined {
  if (e.kind !== 'message' || e.action !== 'deliver') return undefined;
  const source = e.envelope.source;
  if (typeof source !== 'string') return undefined;
  const tab = senderTab(source);
  if (tab === null) return source.startsWith('nats:') ? 'NATS client' : undefined;
  return store.isBrowserTab(tab) ? undefined : 'other machine';
}
