import { expect, test, type Page } from '@playwright/test';
import { check, gotoLesson } from './learnHelpers';

/**
 * A class works through the course: Check, read the verdict (it scrolls the lesson down to
 * it), then on to the next lesson. The lesson column kept the scroll of the lesson before, so
 * the next lesson opened in the middle of its text with its title and first paragraphs
 * scrolled away (at 1024×768, and on a phone, where the page itself had scrolled down to the
 * verdict's "Next lesson ›").
 */

/** Whether the lesson's title is on screen and not under the header (sticky on a phone). */
function titleInSight(page: Page): Promise<boolean> {
  return page.getByTestId('lesson-title').evaluate((h) => {
    const header = document.querySelector('.app-header')!.getBoundingClientRect();
    const r = h.getBoundingClientRect();
    const body = h.closest('.lesson-body')!.getBoundingClientRect();
    return r.top >= Math.max(0, header.bottom, body.top) - 1 && r.bottom <= innerHeight + 1;
  });
}

/** The lesson's title is in sight, and its text starts at the top. */
async function expectLessonFromItsStart(page: Page, title: string) {
  await expect(page.getByTestId('lesson-title')).toContainText(title);
  expect(await titleInSight(page), `the title "${title}" is in sight`).toBe(true);
  expect(await page.locator('.lesson-body').evaluate((b) => b.scrollTop)).toBe(0);
}

/** Checks lesson 2 (WAT, quick) as it starts: a verdict that scrolls the lesson down. */
async function checkTheAbiLesson(page: Page) {
  await gotoLesson(page, 'wit-types-canonical-abi');
  expect(await check(page, 120_000)).toContain('Not yet');
}

test('1024×768 laptop: after a verdict, › opens the next lesson at its title', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await checkTheAbiLesson(page);
  expect(await titleInSight(page), 'the verdict scrolled the title away').toBe(false);
  await page.getByRole('button', { name: 'Next lesson' }).click();
  await expectLessonFromItsStart(page, 'Key-value: buckets, get and set');
  // And back: the lesson before opens at its start too, not where its verdict was.
  await page.getByRole('button', { name: 'Previous lesson' }).click();
  await expectLessonFromItsStart(page, 'WIT types and the canonical ABI');
  await page.screenshot({ path: test.info().outputPath('previous-lesson-1024.png') });
});

test('390×844 phone: the verdict\'s "Next lesson ›" opens the next lesson at its title, not mid-page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await checkTheAbiLesson(page);
  await page.getByTestId('learn-solution').click();
  await page.getByTestId('apply-solution').click();
  expect(await check(page, 120_000)).toContain('Passed');
  expect(await titleInSight(page), 'the verdict scrolled the title away').toBe(false);
  await page.getByTestId('learn-next').click();
  await expectLessonFromItsStart(page, 'Key-value: buckets, get and set');
  await page.screenshot({ path: test.info().outputPath('next-lesson-phone.png') });
  await context.close();
});
