import { prefersReducedMotion } from './prefersReducedMotion';

/** The one-column layout of web/layout/layout.css: code, then the output, then the WIT. */
export const PHONE_QUERY = '(max-width: 700px)';

/**
 * On a phone the output sits under the guest code, below the fold: Run changed only the
 * status line and the console was never seen. Scrolls the page so the output's top sits
 * under the sticky header, unless it is already in the upper half of the screen.
 */
export function revealOutputOnPhone(win: Window = window): void {
  if (!win.matchMedia?.(PHONE_QUERY).matches) return;
  const pane = win.document.querySelector<HTMLElement>('.output-pane');
  if (!pane) return;
  const header = win.document.querySelector<HTMLElement>('.app-header')?.offsetHeight ?? 0;
  const top = pane.getBoundingClientRect().top;
  if (top >= header && top < win.innerHeight / 2) return;
  win.scrollTo({ top: Math.max(0, top + win.scrollY - header - 4), behavior: prefersReducedMotion(win) ? 'auto' : 'smooth' });
}
