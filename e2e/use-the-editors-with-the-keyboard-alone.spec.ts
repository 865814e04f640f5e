import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

const hint = (page: Page, editor: string) => page.getByTestId(editor).getByTestId('editor-key-hint');
const focusedEditor = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid$="-editor"]')?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

/**
 * A keyboard user: Tab indents in Monaco until Ctrl+M, then leaves. The switch is one for all
 * editors; pressing it again in the next editor (as a hint that said only "Ctrl+M then Tab
 * leaves" invited) trapped Tab again. The hints now say which way Tab works.
 */
test('Ctrl+M makes Tab leave every editor, and the hints say so until it is pressed again', async ({ page }) => {
  await page.goto('/?example=kv-counter');
  const wit = page.getByTestId('wit-editor');
  await expect(wit.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await wit.locator('.monaco-editor textarea').focus();
  await expect(hint(page, 'wit-editor')).toHaveAttribute('data-tab', 'indents');
  await expect(hint(page, 'wit-editor')).toContainText('Tab indents');
  // The focused editor's title bar is marked (Monaco has no focus ring of its own).
  const shadow = await wit.locator('.pane-header').evaluate((h) => getComputedStyle(h).boxShadow);
  expect(shadow).not.toBe('none');
  await page.keyboard.press('Tab');
  expect(await focusedEditor(page)).toBe('wit-editor');

  await page.keyboard.press('Control+m');
  for (const editor of ['wit-editor', 'guest-editor']) await expect(hint(page, editor)).toContainText('Tab leaves');
  // Tab now walks out of the WIT editor and on into the guest editor, without trapping.
  await page.keyboard.press('Tab');
  expect(await focusedEditor(page)).not.toBe('wit-editor');
  for (let i = 0; i < 6 && (await focusedEditor(page)) !== 'guest-editor'; i++) await page.keyboard.press('Tab');
  expect(await focusedEditor(page)).toBe('guest-editor');
  await page.keyboard.press('Tab');
  expect(await focusedEditor(page)).not.toBe('guest-editor');

  // Pressed again (from anywhere in an editor), Tab indents again, and the hints say that.
  await page.getByTestId('guest-editor').locator('.monaco-editor textarea').focus();
  await page.keyboard.press('Control+m');
  for (const editor of ['wit-editor', 'guest-editor']) await expect(hint(page, editor)).toHaveAttribute('data-tab', 'indents');
  await page.keyboard.press('Tab');
  expect(await focusedEditor(page)).toBe('guest-editor');
});
