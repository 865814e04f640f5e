import { useEffect } from 'react';
import type { ExampleGuest } from '../../src/index';
import { getBuildClient } from '../engine';

/** How long WIT must stay unchanged before the engine is spliced for it (splicing costs seconds). */
const SETTLE_MS = 800;

/**
 * Prepares the JS engine for every JS/TS guest's WIT while the user reads or edits, so the
 * first Run doesn't pay for loading the engine and splicing the world's bindings. The build
 * worker caches splices per world, so re-warming an unchanged WIT costs nothing.
 */
export function useJsWarmup(guests: readonly Pick<ExampleGuest, 'lang' | 'wit'>[]): void {
  const wits = [...new Set(guests.filter((g) => g.lang === 'js' || g.lang === 'ts').map((g) => g.wit))];
  const key = JSON.stringify(wits);
  useEffect(() => {
    const list = JSON.parse(key) as string[];
    if (list.length === 0) return;
    const timer = setTimeout(() => list.forEach((wit) => getBuildClient().warm(wit)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
}
