import { describe, expect, it } from 'vitest';
import { isTypingElement, isTypingEvent } from './isTypingTarget';

/** A stand-in element whose ancestors match the given selectors' first parts. */
function el(matches: string[], isContentEditable = false) {
  return {
    isContentEditable,
    closest: (selector: string) => (selector.split(',').some((s) => matches.includes(s.trim())) ? {} : null),
  };
}

describe('isTypingTarget', () => {
  it('recognises Monaco 0.57 native edit context and anything inside an editor', () => {
    expect(isTypingElement(el(['.native-edit-context']))).toBe(true);
    expect(isTypingElement(el(['.monaco-editor']))).toBe(true);
  });
  it('recognises fields, contenteditable and text boxes', () => {
    for (const s of ['input', 'textarea', 'select', '[role="textbox"]']) expect(isTypingElement(el([s]))).toBe(true);
    expect(isTypingElement(el([], true))).toBe(true);
  });
  it('lets shortcuts through on buttons and the page body', () => {
    expect(isTypingElement(el([]))).toBe(false);
    expect(isTypingElement(null)).toBe(false);
    expect(isTypingEvent({ target: el([]), composedPath: () => [] }, el([]))).toBe(false);
  });
  it('checks the composed path and the focused element too', () => {
    expect(isTypingEvent({ target: el([]), composedPath: () => [el(['textarea'])] }, null)).toBe(true);
    expect(isTypingEvent({ target: el([]) }, el(['.monaco-editor']))).toBe(true);
  });
});
