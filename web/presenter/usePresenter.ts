import { useCallback, useEffect, useState } from 'react';
import { withPresentFlag, type ViewMode } from './readViewMode';

/** Presenter state: the big-font mode and the fullscreen diagram overlay. */
export interface Presenter {
  present: boolean;
  togglePresent(): void;
  fullscreen: boolean;
  setFullscreen(on: boolean): void;
}

/** Typing in an editor or field must never trigger a single-key shortcut. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault();
        setFullscreen((on) => !on);
      } else if (e.key === 'Escape') {
        setFullscreen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return { present, togglePresent, fullscreen, setFullscreen };
}
