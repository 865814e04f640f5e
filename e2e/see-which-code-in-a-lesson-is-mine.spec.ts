import { expect, test, type Page } from '@playwright/test';
import { gotoLesson } from './learnHelpers';

/**
 * A lesson's fixed helper guests (the pub/sub lesson's two listeners) are shown but not
 * editable: Check always runs them as the lesson wrote them, so typing into one used to be
 * accepted and then silently ignored. The learner sees which code is theirs before typing,
 * and is told why when they type anyway. At a 1024×768 laptop, typing with the keyboard.
 */
test.use({ viewport: { width: 1024, height: 768 } });

// Monaco draws spaces as no-break spaces.
const editorText = async (page: Page) => (await page.getByTestId('guest-editor').locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');

async function selectGuest(page: Page, name: string): Promise<void> {
  await page.getByTestId('guest-tab').filter({ hasText: name }).click();
  await expect(page.getByTestId('guest-editor')).toHaveAttribute('aria-label', new RegExp(`\\(${name}`));
}

test("a lesson's helper guests are read-only and say so; the learner's own guest takes typing", async ({ page }) => {
  await gotoLesson(page, 'pubsub-wildcards');

  await selectGuest(page, 'all-orders');
  await expect(page.getByTestId('guest-editor-read-only')).toHaveText('part of the lesson · read-only');
  const before = await editorText(page);
  await page.getByTestId('guest-editor').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// my change');
  // Monaco says why instead of taking the keys.
  await expect(page.locator('.monaco-editor-overlaymessage')).toContainText('This guest is part of the lesson');
  expect(await editorText(page)).toBe(before);
  await page.screenshot({ path: test.info().outputPath('helper-read-only.png') });

  // The learner's guest: no tag, and typing lands.
  await selectGuest(page, 'order-service');
  await expect(page.getByTestId('guest-editor-read-only')).toHaveCount(0);
  await page.getByTestId('guest-editor').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// mine');
  await expect.poll(() => editorText(page)).toContain('// mine');

  // Back on the helper after a reload: still its own code, still read-only.
  await page.reload();
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await selectGuest(page, 'all-orders');
  await expect(page.getByTestId('guest-editor-read-only')).toBeVisible();
  expect(await editorText(page)).toBe(before);
});
