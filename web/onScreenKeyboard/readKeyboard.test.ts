import { describe, expect, it } from 'vitest';
import { readKeyboard, type ViewportReading } from './readKeyboard';

const phone: ViewportReading = { layoutHeight: 844, visualHeight: 844, visualTop: 0, tallest: 844, editing: true, coarse: true };

describe('readKeyboard', () => {
  it('is closed while the whole window is visible', () => {
    expect(readKeyboard(phone)).toEqual({ open: false, visibleTop: 0, visibleHeight: 844 });
  });

  it('sees a keyboard that shrinks only the visual viewport (iOS, Chrome on Android)', () => {
    expect(readKeyboard({ ...phone, visualHeight: 420, visualTop: 300 })).toEqual({ open: true, visibleTop: 300, visibleHeight: 420 });
  });

  it('sees a keyboard that shrinks the window itself', () => {
    expect(readKeyboard({ ...phone, layoutHeight: 422, visualHeight: 422 })).toEqual({ open: true, visibleTop: 0, visibleHeight: 422 });
  });

  it("ignores the browser's address bar coming and going", () => {
    expect(readKeyboard({ ...phone, layoutHeight: 790, visualHeight: 790 }).open).toBe(false);
  });

  it('needs a code editor focused and a finger', () => {
    expect(readKeyboard({ ...phone, visualHeight: 420, editing: false }).open).toBe(false);
    expect(readKeyboard({ ...phone, layoutHeight: 400, visualHeight: 400, coarse: false }).open).toBe(false);
  });
});
