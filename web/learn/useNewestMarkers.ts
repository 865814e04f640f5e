import { useRef } from 'react';
import type { Diagnostic } from '../../src/index';

/** Editor markers by guest name, as Run (useRunner) and Check (useLearn) keep them. */
export type MarkersByGuest = Record<string, Diagnostic[]>;

/** What was seen last: each source's markers, and which of them came newest. */
export interface MarkerSources {
  run: MarkersByGuest;
  check: MarkersByGuest;
  newest: MarkersByGuest;
}

/**
 * The newest markers: each Run and each Check starts by clearing its own (a new object),
 * so whichever object changed last belongs to what the learner pressed last.
 */
export function newestMarkers(last: MarkerSources, run: MarkersByGuest, check: MarkersByGuest): MarkerSources {
  if (last.run !== run) return { run, check, newest: run };
  if (last.check !== check) return { run, check, newest: check };
  return last;
}

/**
 * The markers the editors show: while learning, those of the last Run or Check, whichever
 * came later (a Check's build errors and a thrown exception's line are marked as a Run's
 * are, and the stage-focus layout brings a hidden marked editor forward for both);
 * otherwise Run's.
 */
export function useNewestMarkers(run: MarkersByGuest, check: MarkersByGuest, learning: boolean): MarkersByGuest {
  const last = useRef<MarkerSources>({ run, check, newest: run });
  last.current = newestMarkers(last.current, run, check);
  return learning ? last.current.newest : run;
}
