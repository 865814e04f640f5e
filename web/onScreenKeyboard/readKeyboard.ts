/** What the window and its visual viewport measure now (CSS px), and what has focus. */
export interface ViewportReading {
  /** window.innerHeight: the layout viewport. */
  layoutHeight: number;
  /** visualViewport.height and .offsetTop: the part of the page the user sees. */
  visualHeight: number;
  visualTop: number;
  /** The tallest layout height seen at this width (an on-screen keyboard never makes it taller). */
  tallest: number;
  /** A code editor has the focus (the keyboard is for it). */
  editing: boolean;
  /** A finger, not a mouse: a desktop window made short is not a keyboard. */
  coarse: boolean;
}

/** Whether an on-screen keyboard is up, and the part of the page it leaves visible. */
export interface KeyboardState {
  open: boolean;
  /** Top of what is visible, in the layout viewport's coordinates. */
  visibleTop: number;
  visibleHeight: number;
}

/** Less than this is the browser's own toolbar coming and going, not a keyboard. */
const KEYBOARD_LEAST = 120;

/**
 * A keyboard shows up two ways: browsers that keep the layout (iOS Safari, Chrome on Android
 * by default) shrink only the visual viewport; others (and a resized window in tests) shrink
 * the layout viewport too, so the window is much shorter than it was at this width.
 */
export function readKeyboard(r: ViewportReading): KeyboardState {
  const covered = r.layoutHeight - r.visualHeight >= KEYBOARD_LEAST || r.tallest - r.layoutHeight >= KEYBOARD_LEAST;
  const open = r.coarse && r.editing && covered;
  return { open, visibleTop: open ? Math.max(0, r.visualTop) : 0, visibleHeight: open ? r.visualHeight : r.layoutHeight };
}
