/**
 * A guest calls sandboxed host code synchronously (JSPI), so host code that never answers —
 * `for (;;) {}` in a stranger's `increment`, or in its `create` — stops the run at the time
 * limit exactly like a looping guest, and the stop used to say only `"run" ran longer than
 * the 4000 ms time limit … an endless loop`: the user went looking in their own guest for a
 * loop that was in the host code. The run worker cannot be asked at the stop (it is being
 * terminated), so it says ahead: once a request to the sandbox has waited WAIT_WORTH_SAYING_MS,
 * the page hears what is waited on (and hears again when it is answered).
 */
export const WAIT_WORTH_SAYING_MS = 1000;

/** Requests to the sandbox in flight; `onWait` hears the oldest one once it is long. */
export interface HostWaits {
  begin(id: number, what: string): void;
  end(id: number): void;
}

/**
 * One timer at most, armed when a request begins with none armed: a guest making thousands
 * of quick host calls costs a Map set and delete per call, no timer each.
 */
export function watchHostWaits(onWait: (what: string | undefined) => void, now: () => number = () => performance.now(), delayMs = WAIT_WORTH_SAYING_MS): HostWaits {
  const open = new Map<number, { what: string; since: number }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let told: number | undefined;
  const arm = () => {
    const oldest = open.entries().next();
    if (timer !== undefined || told !== undefined || oldest.done) return;
    timer = setTimeout(check, Math.max(0, oldest.value[1].since + delayMs - now()));
  };
  const check = () => {
    timer = undefined;
    const oldest = open.entries().next();
    if (oldest.done) return;
    const [id, { what, since }] = oldest.value;
    if (now() - since < delayMs) return arm();
    told = id;
    onWait(what);
  };
  return {
    begin(id, what) {
      open.set(id, { what, since: now() });
      arm();
    },
    end(id) {
      if (!open.delete(id)) return;
      if (told === id) {
        told = undefined;
        onWait(undefined);
      }
      if (open.size === 0 && timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      arm();
    },
  };
}

/** The time-limit stop of a guest that was waiting for host code: it names the host code. */
export function hostWaitStopMessage(what: string, limitMs: number, waited: string): string {
  return `Stopped: "${what}" ran longer than the ${limitMs} ms time limit while the guest waited for sandboxed host code (${waited}) to answer: the host code, not the guest, did not return in time (an endless loop in it, or more work than the limit allows). The worker and the host code's sandbox were terminated. Writes made before the stop stay stored; nothing is rolled back.`;
}
