import { useCallback, useState } from 'react';
import type { Lesson } from '../../src/index';
import { createTrustStore } from '../trust/trustStore';

/** localStorage entry of the lesson scripts this browser runs without asking (apart from host code's). */
const KEY = 'wcp.trustedLessonChecks';

/** What Check does with the open lesson's own script. */
export type ScriptDecision = 'run' | 'skip' | 'ask';

/** The learner's say over a teacher's check script (a lesson from a file or link). */
export interface CheckScriptConsent {
  /** The script awaiting an answer (the prompt is open), else undefined. */
  asking: string | undefined;
  /** Run (shipped, or allowed before) or ask first. */
  decide(): ScriptDecision;
  ask(): void;
  /** Remembers exactly this script of this lesson as allowed, in this browser. */
  accept(): void;
  /** Skips the script for this Check; the next Check asks again. */
  decline(): void;
}

/**
 * A lesson from a file or link may carry `check.script`, JavaScript the learner did not
 * write. It runs sandboxed (runCheckScript.ts), yet like host code from a link it must not
 * run unasked: the first Check shows it and asks. An allowed script is remembered by the
 * lesson id and the script's SHA-256 (a changed script asks again); a declined one is left
 * out of that Check, whose verdict says the lesson was not fully checked, and the next Check
 * asks again (a lesson cannot pass without its script, so the learner needs the way back).
 * Scripts of the shipped course are part of the app and run without asking.
 */
export function useCheckScriptConsent(lesson: Lesson | undefined, shipped: boolean): CheckScriptConsent {
  const [store] = useState(() => createTrustStore(undefined, KEY));
  const [asking, setAsking] = useState<string>();
  const script = lesson?.check.script;
  const id = lesson ? `lesson:${lesson.id}` : '';
  const decide = useCallback((): ScriptDecision => {
    return !script || shipped || store.find(id, script) ? 'run' : 'ask';
  }, [script, shipped, store, id]);
  const ask = useCallback(() => setAsking(script), [script]);
  const accept = useCallback(() => {
    if (script) store.add({ id, source: script, how: 'accepted' });
    setAsking(undefined);
  }, [store, id, script]);
  const decline = useCallback(() => setAsking(undefined), []);
  // The prompt belongs to the lesson that asked: another lesson opened closes it.
  const shownFor = asking !== undefined && asking === script ? asking : undefined;
  return { asking: shownFor, decide, ask, accept, decline };
}
