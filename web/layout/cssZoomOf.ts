/**
 * The CSS zoom around `el` (presenter mode zooms the stage 1.4×, less on short screens): how
 * many on-screen pixels one of its layout pixels takes. Bounding rects and pointer positions
 * are in on-screen pixels, sizes and scroll offsets in layout pixels; 1 while `el` is hidden.
 */
export function cssZoomOf(el: HTMLElement): number {
  return el.offsetWidth > 0 ? el.getBoundingClientRect().width / el.offsetWidth : 1;
}
