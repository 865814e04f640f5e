/**
 * Tells the other tabs of this origin that the course's loaded lessons (a teacher's, from a
 * file or link) changed: one was added or taken out. As on the progress channel
 * (progressChannel.ts), the message carries no lesson: a receiver re-reads the
 * stored set, which is what the last committed write left, whatever order messages arrive in.
 */
const CHANNEL = 'wcp-learn:lessons';

interface LessonsMessage {
  kind: 'lessons';
}

/** A tab's end of the loaded-lessons channel. */
export interface LessonsChannel {
  /** After this tab stored or forgot a loaded lesson. */
  announce(): void;
  close(): void;
}

/** Opens the channel; `onChanged` hears other tabs' announcements (never this tab's own). */
export function openLessonsChannel(onChanged: () => void): LessonsChannel {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const m = e.data as Partial<LessonsMessage> | null;
    if (m && m.kind === 'lessons') onChanged();
  };
  return {
    announce: () => channel.postMessage({ kind: 'lessons' } satisfies LessonsMessage),
    close: () => channel.close(),
  };
}
