import { expect, test, type Page } from '@playwright/test';
import { check, retypeLine } from './learnHelpers';

/** Opens the key-value lesson (a JavaScript guest: its Check builds for seconds) at a laptop's size. */
async function openVisits(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?learn=keyvalue-get-set');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

/** Presses Check and waits until it is under way (its stage line shows). */
async function startCheck(page: Page): Promise<void> {
  await page.getByTestId('learn-check').click();
  await expect(page.getByTestId('learn-stage')).toBeVisible();
}

test('Reset lesson while Check runs: Check is free again and says nothing about the discarded code', async ({ page }) => {
  test.setTimeout(240_000);
  await openVisits(page);
  await retypeLine(page, 'guest-editor', 11, 'const visits = 2;');
  page.on('dialog', (d) => void d.accept());
  await startCheck(page);
  await page.getByTestId('learn-reset').click();
  await expect(page.getByTestId('guest-editor')).toContainText('const visits = 1;');
  // "Checking…" stayed for good: the dropped Check was no longer the newest, so nothing cleared it.
  await expect(page.getByTestId('learn-check')).toHaveText('Check');
  await expect(page.getByTestId('learn-check')).toBeEnabled();
  await expect(page.getByTestId('learn-stage')).toHaveCount(0);
  // The dropped Check, long done by now, shows no verdict about the code that was discarded.
  await page.waitForTimeout(20_000);
  await expect(page.getByTestId('learn-verdict')).toHaveCount(0);
  // And the next Check judges the starter, as the editor shows it.
  expect(await check(page)).toContain('never called get');
});

test('the next lesson opened while Check runs: no verdict of the last lesson under it', async ({ page }) => {
  test.setTimeout(240_000);
  await openVisits(page);
  await startCheck(page);
  await page.getByRole('button', { name: 'Next lesson' }).click();
  await expect(page.getByTestId('lesson-title')).toContainText('A race across two tabs');
  await expect(page.getByTestId('learn-check')).toHaveText('Check');
  await expect(page.getByTestId('learn-check')).toBeEnabled();
  // The key-value lesson's verdict ("never called get") came in under the race lesson.
  await page.waitForTimeout(20_000);
  await expect(page.getByTestId('learn-verdict')).toHaveCount(0);
});
