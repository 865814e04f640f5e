import { useCallback, useEffect, useState } from 'react';
import { useSingleKeyShortcuts } from '../keyboard/useSingleKeyShortcuts';
import { withPresentFlag, type ViewMode } from './readViewMode';

/** Presenter state: the big-font mode and the fullscreen diagram overlay. */
export interface Presenter {
  present: boolean;
  togglePresent(): void;
  fullscreen: boolean;
  setFullscreen(on: boolean): void;
}

/**
 * Presenter mode and its shortcuts: F toggles the fullscreen diagram, Escape leaves it.
 * The mode is a class on <html> (styles in presenter.css) and mirrored into `?present`,
 * so reloading or sharing the URL keeps it.
 */
export function usePresenter(mode: ViewMode): Presenter {
  const [present, setPresent] = useState(mode.present);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('presenting', present);
    root.toggle('embedded', mode.embed);
  }, [present, mode.embed]);

  const togglePresent = useCallback(() => {
    setPresent((on) => {
      history.replaceState(history.state, '', `${location.pathname}${withPresentFlag(location.search, !on)}${location.hash}`);
      return !on;
    });
  }, []);

  // Typing in an editor or field never reaches these (see useSingleKeyShortcuts).
  useSingleKeyShortcuts({
    f: (e) => {
      e.preventDefault();
      setFullscreen((on) => !on);
    },
    Escape: () => setFullscreen(false),
  });

  return { present, togglePresent, fullscreen, setFullscreen };
}
