/** Least space kept between a popover and the window's edges (px). */
const MARGIN = 8;

/**
 * Opens a header menu's popover where it fits in the window. Popovers hang from the menu's
 * right edge by default; where the header wraps (narrow windows, presenter zoom) a menu can
 * sit near the left of the window, and its popover then opens to the right instead. On a
 * phone a menu in the middle of a row has room on neither side for a 330–440 px popover:
 * it is then moved sideways until it is inside the window (it ran off the right edge, and
 * the page scrolled sideways to reach Copy link or Export). Called when the `<details>`
 * opens; `[data-popover]` marks the popover.
 */
export function placePopover(details: HTMLDetailsElement): void {
  const popover = details.querySelector<HTMLElement>(':scope > [data-popover]');
  if (!popover) return;
  popover.style.left = '';
  // The window's width without what overflows it: on a phone, innerWidth grows with a popover
  // that runs off the edge (the page zooms out to show it), clientWidth does not.
  const windowWidth = document.documentElement.clientWidth || window.innerWidth;
  const width = Math.min(popover.offsetWidth || 440, windowWidth - 2 * MARGIN);
  const anchor = details.getBoundingClientRect();
  popover.classList.toggle('popover-from-left', anchor.right < width + MARGIN);
  const box = popover.getBoundingClientRect();
  const over = box.right - (windowWidth - MARGIN);
  const shift = over > 0 ? -Math.min(over, box.left - MARGIN) : box.left < MARGIN ? MARGIN - box.left : 0;
  if (shift === 0) return;
  // Hung from the menu's left edge at an offset (not translated: a translated popover still
  // widens the page to where it was laid out).
  popover.classList.add('popover-from-left');
  popover.style.left = `${Math.round(box.left + shift - anchor.left)}px`;
}
