import { useCallback, useState } from 'react';
import { safeLocalStorage } from '../state/settings';

const KEY = 'wcp:welcome';

/** The "start here" strip: shown from a first visit on, until the visitor hides it. */
export interface Welcome {
  active: boolean;
  dismiss(): void;
}

/**
 * A first visit opens the strip and it stays (across reloads) until hidden with ✕, so a
 * newcomer who reloads still finds the way in. Visitors who came by a link or an example
 * address, and everyone who used the playground before, never see it.
 */
export function useWelcome(firstVisit: boolean): Welcome {
  const [active, setActive] = useState(() => {
    const storage = safeLocalStorage();
    try {
      if (firstVisit) storage?.setItem(KEY, 'open');
      return firstVisit || storage?.getItem(KEY) === 'open';
    } catch {
      return firstVisit;
    }
  });
  const dismiss = useCallback(() => {
    setActive(false);
    try {
      safeLocalStorage()?.setItem(KEY, 'done');
    } catch {
      // Private mode with storage off: hidden for this page only.
    }
  }, []);
  return { active, dismiss };
}
