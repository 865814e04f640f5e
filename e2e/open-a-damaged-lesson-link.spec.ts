import { expect, test, type Page } from '@playwright/test';

/**
 * A teacher's lesson link arrives cut by the class chat. The lesson cannot be opened and says
 * why; the picker then claimed lesson 1 was chosen while none was open, so picking lesson 1
 * did nothing (no change), and ‹ › were off: the first lesson was out of reach but by
 * picking another one first.
 */
const DAMAGED = '/?learn=teacher-answer#l2.AAAAbrokenlesson.abcdef';

async function expectNoLessonChosen(page: Page) {
  await expect(page.getByTestId('lesson-error')).toContainText('The link is damaged');
  await expect(page.getByTestId('lesson-picker').locator('option:checked')).toHaveText('Pick a lesson');
  await expect(page.getByTestId('lesson-missing')).toBeVisible();
}

test('1024×768: a damaged lesson link says so, and the picker leads to the first lesson with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(DAMAGED);
  await expectNoLessonChosen(page);
  await page.getByTestId('lesson-picker').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('lesson-title')).toContainText('A component and its world');
  await expect(page.getByTestId('lesson-picker').locator('option:checked')).toHaveText('1. A component and its world');
  // The placeholder goes once a lesson is open.
  await expect(page.getByTestId('lesson-picker').locator('option', { hasText: 'Pick a lesson' })).toHaveCount(0);
});

test('390×844 phone: a damaged lesson link leaves no lesson claimed in the picker', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(DAMAGED);
  await expectNoLessonChosen(page);
  const text = (await page.getByTestId('lesson-missing').boundingBox())!;
  const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
  expect(text.x - panel.x, 'the message is set in from the edge like the lesson text').toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: test.info().outputPath('damaged-lesson-phone.png') });
  await context.close();
});
