import { useEffect, useRef } from 'react';
import { isTypingEvent } from './isTypingTarget';

/** Handlers keyed by `KeyboardEvent.key` ("f", "Escape"); letters match either case. */
export type ShortcutMap = Record<string, (e: KeyboardEvent) => void>;

/** Whether a key event may trigger a single-key shortcut at all. */
export function mayTriggerShortcut(e: KeyboardEvent): boolean {
  // Escape leaves overlays even from a field; every other key there is text.
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  return e.key === 'Escape' || !isTypingEvent(e);
}

/**
 * The one way to bind single-key shortcuts (F for the fullscreen diagram, Escape…): they never
 * fire while the user types in an editor or a field. Handlers may change between renders.
 */
export function useSingleKeyShortcuts(map: ShortcutMap, enabled = true): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!mayTriggerShortcut(e)) return;
      const handler = current.current[e.key] ?? current.current[e.key.toLowerCase()];
      handler?.(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
