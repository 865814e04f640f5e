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

/** All the output tabs sit on one row (the same top edge): a wrapped row took 3–6 rows. */
export async function expectTabsOnOneRow(page: Page) {
  const ys = await page.locator('.output-pane [role="tab"]').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  expect(ys.length).toBeGreaterThanOrEqual(6);
  expect(new Set(ys).size, `output tab tops ${ys.join(', ')}`).toBe(1);
}

/** Height of the part of an element that lies inside the viewport. */
export async function visibleHeight(page: Page, el: Locator): Promise<number> {
  const box = await el.boundingBox();
  if (!box) return 0;
  const vh = page.viewportSize()!.height;
  return Math.max(0, Math.min(box.y + box.height, vh) - Math.max(box.y, 0));
}
