/**
 * How the course's tabs of one origin tell each other that something stored changed
 * (BroadcastChannel, as the trace crosses tabs). A message names what changed, never its new
 * value: the receiver re-reads IndexedDB, because messages from two writing tabs may arrive in
 * another order than their writes committed, while a read always sees the latest commit.
 */

/** A tab's end of a learn channel. */
interface LearnChannel<A extends unknown[]> {
  /** After this tab stored the change. */
  announce(...what: A): void;
  close(): void;
}

/** A tab's end of the progress channel: a lesson's progress record changed. */
export type ProgressChannel = LearnChannel<[lessonId: string]>;
/** A tab's end of the loaded-lessons channel: a teacher's lesson was added or taken out. */
export type LessonsChannel = LearnChannel<[]>;

/**
 * Opens channel `name`; `read` turns a received message into the listener's arguments, or
 * undefined for anything else. Others' announcements only: a channel never hears its own.
 */
function openLearnChannel<A extends unknown[]>(name: string, write: (...what: A) => unknown, read: (m: Record<string, unknown>) => A | undefined, onChanged: (...what: A) => void): LearnChannel<A> {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(name);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const what = e.data && typeof e.data === 'object' ? read(e.data as Record<string, unknown>) : undefined;
    if (what) onChanged(...what);
  };
  return { announce: (...what) => channel.postMessage(write(...what)), close: () => channel.close() };
}

/** Opens the progress channel; `onChanged` hears which lesson another tab stored progress of. */
export const openProgressChannel = (onChanged: (lessonId: string) => void): ProgressChannel =>
  openLearnChannel<[string]>(
    'wcp-learn:progress',
    (lessonId) => ({ kind: 'progress', lessonId }),
    (m) => (m.kind === 'progress' && typeof m.lessonId === 'string' ? [m.lessonId] : undefined),
    onChanged,
  );

/** Opens the loaded-lessons channel; `onChanged` hears that another tab added or removed one. */
export const openLessonsChannel = (onChanged: () => void): LessonsChannel =>
  openLearnChannel<[]>('wcp-learn:lessons', () => ({ kind: 'lessons' }), (m) => (m.kind === 'lessons' ? [] : undefined), onChanged);
