import { useSyncExternalStore } from 'react';

/**
 * Monaco's tab focus mode (Ctrl+M; Ctrl+Shift+M on macOS) as the page sees it. The mode is one
 * switch for every editor, and a toggle: a keyboard user who pressed it in the WIT editor and
 * pressed it again in the guest editor, as the hint said, turned Tab-trapping back on. The
 * hint says which way Tab works now, so the next press is not a guess.
 */
let on = false;
const listeners = new Set<() => void>();

/** Called by the editor chunk (web/monaco/setupMonaco.ts) whenever Monaco's mode changes. */
export function setTabFocusMode(value: boolean): void {
  if (value === on) return;
  on = value;
  for (const l of listeners) l();
}

const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** True while Tab moves focus out of the editors (Monaco's tab focus mode is on). */
export function useTabFocusMode(): boolean {
  return useSyncExternalStore(subscribe, () => on, () => false);
}
