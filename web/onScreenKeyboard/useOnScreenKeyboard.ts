import { useEffect } from 'react';
import { readKeyboard, type KeyboardState } from './readKeyboard';
import './onScreenKeyboard.css';

const EDITOR = '.editor-pane';

/**
 * A phone's on-screen keyboard took half the screen as the student tapped into the code: the
 * line being typed went under it (30 px below what was visible on a 390×844 phone; on its
 * side Monaco's caret was out of its view), and a lesson's Check was scrolled away. While it is up, `<html data-keyboard="open">` and the visible part's
 * `--visible-top`, `--visible-height` and the header's `--header-height` let
 * onScreenKeyboard.css fit the header and the focused editor into what is visible (Monaco then
 * keeps the caret's line in view, web/MonacoEditor.tsx).
 */
export function useOnScreenKeyboard(win: Window = window): void {
  useEffect(() => {
    const doc = win.document;
    const root = doc.documentElement;
    const coarse = win.matchMedia?.('(pointer: coarse)');
    let width = win.innerWidth;
    let tallest = win.innerHeight;
    let was: KeyboardState | undefined;
    const update = () => {
      if (win.innerWidth !== width) (width = win.innerWidth), (tallest = 0);
      const vv = win.visualViewport;
      const editing = !!(doc.activeElement as HTMLElement | null)?.closest?.(EDITOR);
      // Only a closed keyboard's height counts as the screen's: an open one would lower it.
      if (!was?.open) tallest = Math.max(tallest, win.innerHeight);
      const now = readKeyboard({ layoutHeight: win.innerHeight, visualHeight: vv?.height ?? win.innerHeight, visualTop: vv?.offsetTop ?? 0, tallest, editing, coarse: !!coarse?.matches });
      if (now.open) {
        root.dataset.keyboard = 'open';
        root.style.setProperty('--visible-top', `${now.visibleTop}px`);
        root.style.setProperty('--visible-height', `${now.visibleHeight}px`);
        const header = doc.querySelector<HTMLElement>('.app-header');
        root.style.setProperty('--header-height', `${header?.offsetHeight ?? 0}px`);
      } else if (was?.open) {
        delete root.dataset.keyboard;
        for (const v of ['--visible-top', '--visible-height', '--header-height']) root.style.removeProperty(v);
      }
      was = now;
    };
    const vv = win.visualViewport;
    vv?.addEventListener('resize', update);
    vv?.addEventListener('scroll', update);
    win.addEventListener('resize', update);
    // Focus leaving the editor counts a moment later: a tap on Run focuses it at mousedown, and
    // the header growing back at once took the mouseup from it (the click went to no button).
    // Focus coming into an editor counts at once.
    let later: ReturnType<typeof setTimeout> | undefined;
    const leave = () => (clearTimeout(later), (later = setTimeout(update, 300)));
    const enter = (e: FocusEvent) => ((e.target as HTMLElement | null)?.closest?.(EDITOR) ? (clearTimeout(later), update()) : leave());
    doc.addEventListener('focusin', enter);
    doc.addEventListener('focusout', leave);
    return () => {
      clearTimeout(later);
      vv?.removeEventListener('resize', update);
      vv?.removeEventListener('scroll', update);
      win.removeEventListener('resize', update);
      doc.removeEventListener('focusin', enter);
      doc.removeEventListener('focusout', leave);
    };
  }, [win]);
}
