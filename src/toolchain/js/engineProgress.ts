/**
 * Progress of the one-time JS engine download, for a "downloading the JS engine" display.
 * Sent by the build worker whenever the engine assets are fetched (by the first JS build
 * or by a warm-up) and delivered by `BuildClient.onEngineProgress`, independent of any one
 * build because a warm-up may start the download before the user presses Run.
 */
export interface EngineProgress {
  /**
   * `download`: bytes arriving (`loaded` of `total`, both over every engine asset);
   * `ready`: every asset is in memory (loaded === total); `failed`: the download failed
   * (a later build retries it).
   */
  stage: 'download' | 'ready' | 'failed';
  /** Bytes received so far over all engine assets. */
  loaded: number;
  /** Total bytes of all engine assets, from Content-Length; 0 while not yet known. */
  total: number;
}

type Listener = (p: EngineProgress) => void;
let listener: Listener | undefined;

/** The build worker installs the one sink events go to (it posts them to the page). */
export function setEngineProgressListener(fn: Listener | undefined): void {
  listener = fn;
}

/** Reports progress; throttled to one `download` event per 50 ms so a fast disk cache doesn't flood. */
let lastSent = 0;
export function reportEngineProgress(p: EngineProgress): void {
  const now = performance.now();
  if (p.stage === 'download' && p.loaded < p.total && now - lastSent < 50) return;
  lastSent = now;
  listener?.(p);
}
