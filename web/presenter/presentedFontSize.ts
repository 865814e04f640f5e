import { useMediaQuery } from '../layout/useMediaQuery';

/**
 * A short CSS viewport, as presenter.css's `@media (max-height: 620px)`: a 1280×720 screen
 * with the browser zoomed to 125 % (1024×576 CSS px) or 150 % (853×480), or a small projector.
 */
export const SHORT_SCREEN_QUERY = '(max-height: 620px)';

/** Presenter mode's zoom of the UI around the editors (presenter.css `--present-zoom`), and on a short screen. */
const UI_ZOOM = 1.4;
const SHORT_UI_ZOOM = 1.15;

/** Where the presenter's code font is read from and how much room it has. */
export interface FontContext {
  present: boolean;
  /** A lesson column beside the editors: 18 px still reads from the back, 22 px cut lines. */
  learning: boolean;
  /** SHORT_SCREEN_QUERY matches: the browser's own zoom already enlarges every CSS pixel. */
  shortScreen: boolean;
}

/**
 * The editors' font size: the learner's setting, or in presenter mode at least 22 px (18
 * beside a lesson). Editors are not CSS-zoomed (zoom confuses Monaco's hit-testing), so
 * this is their presenter zoom. On a short screen it shrinks as the UI's zoom does
 * (1.4× → 1.15×): the browser's 150 % multiplied the full 22 px to 33 screen pixels,
 * a dozen lines of code on a 720-pixel projector; now 18 px, 27 on the screen.
 */
export function presentedFontSize(chosen: number, { present, learning, shortScreen }: FontContext): number {
  if (!present) return chosen;
  const big = learning ? 18 : 22;
  return Math.max(chosen, Math.round(shortScreen ? (big * SHORT_UI_ZOOM) / UI_ZOOM : big));
}

/** {@link presentedFontSize} following the window as it is resized or the browser zoomed. */
export function usePresentedFontSize(chosen: number, present: boolean, learning: boolean): number {
  const shortScreen = useMediaQuery(SHORT_SCREEN_QUERY);
  return presentedFontSize(chosen, { present, learning, shortScreen });
}
