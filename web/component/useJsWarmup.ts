import { useEffect } from 'react';
import type { ExampleGuest } from '../../src/index';
import { getBuildClient } from '../engine';

/** How long WIT must stay unchanged before the engine is spliced for it (splicing costs seconds). */
const SETTLE_MS = 800;
/** Lazy mode: how long the visitor leaves the page alone before the engine download may start. */
export const IDLE_MS = 15_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Prepares the JS engine for every JS/TS guest's WIT while the user reads or edits, so the
 * first Run doesn't pay for loading the engine and splicing the world's bindings. The build
 * worker caches splices per world, so re-warming an unchanged WIT costs nothing.
 *
 * `lazy` (the example a newcomer lands on): the engine is a ~5 MB download, and a visitor
 * who only looks around should not pay for it, nor a classroom's network thirty times at
 * once. Then the download waits for Run (the build fetches it) or until the visitor has left
 * the page alone for {@link IDLE_MS} and the browser is idle.
 *
 * The warm-up also initialises the engine once (over a fixed module of the playground's, never
 * the guest's code, which may loop at its top level), so the first Run finds the engine's code
 * compiled (a returning visit's first build then costs about what a rebuild does). Edits alone
 * don't warm again: the compiled code serves any source of the same world.
 */
export function useJsWarmup(guests: readonly Pick<ExampleGuest, 'lang' | 'wit'>[], lazy = false): void {
  const wits = [...new Set(guests.filter((g) => g.lang === 'js' || g.lang === 'ts').map((g) => g.wit))];
  const key = JSON.stringify(wits);
  useEffect(() => {
    const list = JSON.parse(key) as string[];
    if (list.length === 0) return;
    const warm = () => list.forEach((wit) => getBuildClient().warm(wit, { initialize: true }));
    if (!lazy) {
      const timer = setTimeout(warm, SETTLE_MS);
      return () => clearTimeout(timer);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const whenIdle = () => (typeof requestIdleCallback === 'function' ? (idle = requestIdleCallback(warm, { timeout: 2000 })) : warm());
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(whenIdle, IDLE_MS);
    };
    for (const e of INPUT_EVENTS) window.addEventListener(e, arm, { capture: true, passive: true });
    arm();
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, arm, { capture: true });
    };
  }, [key, lazy]);
}
