/** True when the system asks for less motion: scrolls the app starts itself jump instead of gliding. */
export function prefersReducedMotion(win: Window = window): boolean {
  return !!win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
