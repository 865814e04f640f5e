/** Most changes one announcement post carries; a bigger burst posts as soon as it reaches this. */
export const MAX_CHANGES_PER_POST = 64;

/** How long later changes of a burst wait to share a post, in ms. */
export const ANNOUNCE_WINDOW_MS = 8;

/** Pending announcers of this worker, flushed together when a run ends (see flushAnnouncements). */
const pendingAnnouncers = new Set<{ flush(): void }>();

/**
 * Coalesces key-value change notices into fewer BroadcastChannel posts. A post costs a
 * structured clone and a cross-process hop (~0.2 ms of worker time per `set` in the kv
 * bench profile), so a guest writing in a loop paid it on every write. The first change
 * after a quiet spell is posted at once (a lone write reaches watchers as before); changes
 * following it within {@link ANNOUNCE_WINDOW_MS} share one post of up to
 * {@link MAX_CHANGES_PER_POST}, in commit order. Only notices wait — the writes themselves
 * have committed before they are announced, so atomicity and durability are untouched.
 */
export function createAnnouncer<T>(post: (changes: T[]) => void, clock: () => number = () => performance.now()) {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPost = -Infinity;
  const announcer = {
    announce(changes: T[]): void {
      if (changes.length === 0) return;
      if (pending.length === 0 && clock() - lastPost >= ANNOUNCE_WINDOW_MS && changes.length <= MAX_CHANGES_PER_POST) {
        send(changes);
        return;
      }
      pending.push(...changes);
      if (pending.length >= MAX_CHANGES_PER_POST) announcer.flush();
      else if (timer === undefined) {
        pendingAnnouncers.add(announcer);
        timer = setTimeout(announcer.flush, ANNOUNCE_WINDOW_MS);
      }
    },
    /** Posts whatever is pending now (run end, or the window elapsed). */
    flush(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pendingAnnouncers.delete(announcer);
      while (pending.length > 0) send(pending.splice(0, MAX_CHANGES_PER_POST));
    },
  };
  function send(changes: T[]): void {
    lastPost = clock();
    post(changes);
  }
  return announcer;
}

/**
 * Posts every pending change notice of this worker. The run worker calls it before it
 * reports a result or a trap, because the main thread terminates the worker right after
 * and a notice still waiting for its window would be lost.
 */
export function flushAnnouncements(): void {
  for (const a of [...pendingAnnouncers]) a.flush();
}
