/**
 * Tells the other tabs of this origin that a lesson's stored progress changed, as the trace
 * crosses tabs (BroadcastChannel). The message names the lesson only: a receiver re-reads
 * the record from IndexedDB, because messages from two writing tabs may arrive in another
 * order than their writes committed, while a read always sees the latest commit.
 */
const CHANNEL = 'wcp-learn:progress';

interface ProgressMessage {
  kind: 'progress';
  lessonId: string;
}

/** A tab's end of the progress channel. */
export interface ProgressChannel {
  /** After this tab stored the lesson's progress. */
  announce(lessonId: string): void;
  close(): void;
}

/** Opens the channel; `onChanged` hears other tabs' announcements (never this tab's own). */
export function openProgressChannel(onChanged: (lessonId: string) => void): ProgressChannel {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const m = e.data as Partial<ProgressMessage> | null;
    if (m && m.kind === 'progress' && typeof m.lessonId === 'string') onChanged(m.lessonId);
  };
  return {
    announce: (lessonId) => channel.postMessage({ kind: 'progress', lessonId } satisfies ProgressMessage),
    close: () => channel.close(),
  };
}
