import { expect, type Locator, type Page } from '@playwright/test';

// What "fits the screen" means in the layout specs (fit-any-screen, present-a-lesson-on-one-screen).

/** The element's box lies inside the viewport (nothing off-screen). */
export async function expectOnScreen(page: Page, el: Locator, what: string) {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} right edge`).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box!.y + box!.height, `${what} bottom edge`).toBeLessThanOrEqual(vp.height + 0.5);
}

/** The page is no wider than the window. */
export async function expectNoSidewaysScroll(page: Page) {
  const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  expect(sw, 'page does not scroll sideways').toBeLessThanOrEqual(cw);
}
