/**
 * Where a key press means text, not a command. Monaco 0.57 in current Chromium focuses a
 * `div.native-edit-context` (the EditContext API) rather than a textarea, so a tag-name test
 * misses it; anything inside `.monaco-editor` counts, as do fields, contenteditable and
 * ARIA text boxes.
 */
const TYPING_SELECTOR = [
  '.monaco-editor',
  '.native-edit-context',
  'input',
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '[role="combobox"]',
  '[role="searchbox"]',
].join(',');

/** The minimum of an element this test reads (kept structural so Node tests need no DOM). */
interface ElementLike {
  isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

/** True when `el` (or an ancestor) is a place where the user types text. */
export function isTypingElement(el: unknown): boolean {
  const e = el as ElementLike | null | undefined;
  if (!e || typeof e.closest !== 'function') return false;
  return e.isContentEditable === true || e.closest(TYPING_SELECTOR) !== null;
}

/**
 * True when a key event belongs to text entry: its target, anything on its composed path
 * (shadow roots), or the focused element is a typing place. The focused element is checked
 * too because some editors dispatch keys from a node other than the one holding focus.
 */
export function isTypingEvent(e: { target: unknown; composedPath?(): unknown[] }, active: unknown = globalThis.document?.activeElement): boolean {
  if (isTypingElement(e.target)) return true;
  const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
  if (path.some(isTypingElement)) return true;
  return isTypingElement(active);
}
