// A returning visit builds its first JS guest in about a second only from what an earlier visit
// kept: the engine's splice (~10.5 MB) and the world's last full build (~12.5 MB), written to
// Cache Storage (or IndexedDB) after they were made. Those writes take 1–4 s on a slow machine,
// and a page closed meanwhile loses them: a probe that closed the first page right after its
// build found the stored build missing in 2 of 4 rounds, and those returning visits took
// 14–15 s instead of 3.5–4 s (machine loaded). The page is told while something is being kept,
// so it can say so ("keep this tab open a moment") and tests can wait for it.

/** Whether the build worker is keeping engine or build caches for a later visit. */
export interface EngineSaving {
  /** True from the first cache write starting until the last one in flight ended. */
  saving: boolean;
  /**
   * While `saving`: bytes the writes in flight expect to store. Once not: bytes actually stored
   * by the writes since the last time nothing was being kept (0 when every one was skipped or
   * failed, e.g. no room left for a cache).
   */
  bytes: number;
}

type Listener = (s: EngineSaving) => void;
let listener: Listener | undefined;
let inFlight = 0;
let expected = 0;
let stored = 0;

/** The build worker installs the one sink events go to (it posts them to the page). */
export function setEngineSavingListener(fn: Listener | undefined): void {
  listener = fn;
}

/**
 * Marks a cache write expected to store about `bytes` as started, at once (before any await, so
 * the page hears of it before a build result posted next). Call the returned function once, when
 * the write ended, with the bytes it stored (0 when skipped or failed).
 */
export function holdCacheWrite(bytes: number): (storedBytes: number) => void {
  inFlight++;
  expected += bytes;
  listener?.({ saving: true, bytes: expected });
  let released = false;
  return (storedBytes) => {
    if (released) return;
    released = true;
    inFlight--;
    stored += storedBytes;
    if (inFlight > 0) return;
    listener?.({ saving: false, bytes: stored });
    expected = 0;
    stored = 0;
  };
}

/** {@link holdCacheWrite} around a write; `wasStored` tells from its result whether it stored. */
export function trackCacheWrite<T>(bytes: number, write: () => Promise<T>, wasStored: (result: T) => boolean): Promise<T> {
  const release = holdCacheWrite(bytes);
  return write().then(
    (result) => (release(wasStored(result) ? bytes : 0), result),
    (error: unknown) => {
      release(0);
      throw error;
    },
  );
}
