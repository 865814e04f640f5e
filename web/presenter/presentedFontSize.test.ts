import { describe, expect, it } from 'vitest';
import { presentedFontSize } from './presentedFontSize';

const at = (present: boolean, learning: boolean, shortScreen: boolean) => ({ present, learning, shortScreen });

describe('presentedFontSize', () => {
  it('keeps the chosen size outside presenter mode, whatever the screen', () => {
    expect(presentedFontSize(13, at(false, false, false))).toBe(13);
    expect(presentedFontSize(13, at(false, true, true))).toBe(13);
  });

  it('presents at 22 px, 18 beside a lesson, on a full-height screen', () => {
    expect(presentedFontSize(13, at(true, false, false))).toBe(22);
    expect(presentedFontSize(13, at(true, true, false))).toBe(18);
  });

  it('on a short screen (the browser zoomed) shrinks as the UI zoom does, so 150 % is not 33 screen pixels', () => {
    const full = presentedFontSize(13, at(true, false, true));
    expect(full).toBe(18);
    // 150 % browser zoom: screen pixels per line of code, readable from the back, not a dozen lines a screen.
    expect(full * 1.5).toBeLessThanOrEqual(27);
    expect(presentedFontSize(13, at(true, true, true))).toBe(15);
  });

  it('never goes below the size the presenter chose in the settings', () => {
    expect(presentedFontSize(24, at(true, false, true))).toBe(24);
    expect(presentedFontSize(20, at(true, true, true))).toBe(20);
  });
});
