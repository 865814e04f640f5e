/**
 * Opens a header menu's popover toward the side with room. Popovers hang from the menu's
 * right edge by default; where the header wraps (narrow windows, presenter zoom) a menu can
 * sit near the left of the window, and its popover would then start off-screen, leaving
 * Copy link or Export out of reach. Called when the `<details>` opens.
 */
export function placePopover(details: HTMLDetailsElement): void {
  const popover = details.querySelector<HTMLElement>(':scope > [data-popover]');
  if (!popover) return;
  const width = Math.min(popover.offsetWidth || 440, window.innerWidth - 16);
  popover.classList.toggle('popover-from-left', details.getBoundingClientRect().right < width + 8);
}
