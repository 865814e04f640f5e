import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './layoutHelpers';

/**
 * A student checks a lesson on a phone held on its side (844×390, touch). The Check bar's
 * comment said one row, yet Reset lesson sat on a second row under Check, Hint and Show
 * solution (a 317 px bar for about 360 px of buttons), taking another 38 px of the 390 from
 * the lesson's text. It is one row now, with "No more hints" too; the other sizes a class
 * uses keep their bar, looked at in the screenshots.
 */

/** The top edge of each of the Check bar's buttons, rounded. */
const barTops = (page: Page) => page.locator('.lesson-actions button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));

const sizes = [
  { name: '844x390', width: 844, height: 390, touch: true },
  { name: '390x844', width: 390, height: 844, touch: true },
  { name: '800x500', width: 800, height: 500, touch: false },
  { name: '1024x768', width: 1024, height: 768, touch: false },
];

for (const size of sizes) {
  test(`the Check bar of a lesson at ${size.name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, isMobile: size.touch, hasTouch: size.touch, deviceScaleFactor: size.touch ? 2 : 1 });
    const page = await context.newPage();
    await page.goto('/?learn=keyvalue-get-set');
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page);
    await expect(page.getByTestId('learn-check')).toBeInViewport({ ratio: 1 });
    if (size.name === '844x390') {
      const tops = await barTops(page);
      expect(tops, 'Check, Hint, Show solution and Reset lesson').toHaveLength(4);
      expect(new Set(tops).size, `the Check bar's button tops: ${tops.join(', ')}`).toBe(1);
      for (const b of await page.locator('.lesson-actions button').all()) expect((await b.boundingBox())!.height, 'tall enough for a finger').toBeGreaterThanOrEqual(32);
      // The editor keeps the larger part of the screen.
      const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
      expect(panel.width).toBeLessThan(size.width / 2);
    }
    await page.screenshot({ path: test.info().outputPath(`check-bar-${size.name}.png`) });
    // The widest label the hint button takes.
    await page.getByTestId('learn-hint').click();
    await page.getByTestId('learn-hint').click();
    await expect(page.getByTestId('learn-hint')).toHaveText('No more hints');
    if (size.name === '844x390') {
      const tops = await barTops(page);
      expect(new Set(tops).size, `with "No more hints": ${tops.join(', ')}`).toBe(1);
    }
    await page.screenshot({ path: test.info().outputPath(`check-bar-${size.name}-no-more-hints.png`) });
    await context.close();
  });
}
