import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen } from './layoutHelpers';

/**
 * A class reads lessons on short screens: a 1280×720 school laptop with the browser zoomed to
 * 150 % (853×480 CSS px) and the course embedded in the teacher's page at 800×500. The lesson's
 * nav, its two-row footer and a two-row Check bar left 4–6 lines of text between the title and
 * Check (9 embedded): a paragraph took three scrolls. Now the column scrolls as one and only
 * the Check bar stays.
 */
const SHORT = [
  { what: 'a laptop zoomed to 150 %', path: '/?learn=keyvalue-get-set', w: 853, h: 480, scale: 1.5, lines: 9 },
  { what: 'embedded at 800×500', path: '/?embed&learn=keyvalue-get-set', w: 800, h: 500, scale: 1, lines: 12 },
] as const;

for (const { what, path, w, h, scale, lines } of SHORT) {
  test(`${what}: the lesson reads between its title and Check, and its footer is a scroll away`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(path);
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page);
    const room = await page.evaluate(() => {
      const title = document.querySelector('[data-testid="lesson-title"]')!.getBoundingClientRect();
      const bar = document.querySelector('.lesson-actions')!.getBoundingClientRect();
      const p = document.querySelector<HTMLElement>('.lesson-text p')!;
      return (bar.top - title.bottom) / parseFloat(getComputedStyle(p).lineHeight);
    });
    expect(room, 'lines of lesson text between the title and the Check bar').toBeGreaterThanOrEqual(lines);
    await expectOnScreen(page, page.getByTestId('learn-check'), 'Check');
    await page.screenshot({ path: test.info().outputPath(`lesson-${w}x${h}.png`) });

    // "Your task ↓" lands the task above the Check bar.
    await page.getByTestId('lesson-jump-to-task').click();
    await expect(page.getByTestId('lesson-task')).toBeFocused();
    const task = (await page.getByTestId('lesson-task').boundingBox())!;
    const bar = (await page.locator('.lesson-actions').boundingBox())!;
    expect(task.y, 'the task starts on screen').toBeGreaterThanOrEqual(0);
    expect(task.y + task.height, 'the task ends above the Check bar').toBeLessThanOrEqual(bar.y + 1);

    // The footer (Copy lesson link, Leave the course) is reached by scrolling the lesson on.
    await page.getByTestId('lesson-panel').evaluate((p) => (p.scrollTop = p.scrollHeight));
    await expectOnScreen(page, page.getByTestId('lesson-link'), 'Copy lesson link (lesson scrolled to its end)');
    await expectOnScreen(page, page.getByTestId('learn-check'), 'Check (lesson scrolled to its end)');
    await context.close();
  });
}
