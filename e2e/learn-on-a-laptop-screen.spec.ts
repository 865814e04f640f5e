import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen, expectTabsOnOneRow } from './layoutHelpers';
import { check, retypeLine } from './learnHelpers';
import { markedLines } from './monacoHelpers';

const width = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!.width;
const ABI = 'WIT types and the canonical ABI (WAT)';

/**
 * A learner on a 1024×768 school laptop, not presenting: beside the lesson, three columns
 * left the WIT 191 px and the guest 247 px wide. One editor is large now, with a switch.
 */
test('1024×768: one editor is large beside the lesson, and a WIT error brings the WIT forward', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?learn=wit-types-canonical-abi');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stage-focus')).toBeVisible();
  expect(await width(page, 'guest-editor')).toBeGreaterThan(1024 * 0.45);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('learn-1024.png') });

  // The learner breaks the WIT, goes back to the guest and runs: the build fails in the WIT.
  await page.getByTestId('stage-focus-wit').click();
  await expect(page.getByTestId('wit-editor')).toBeVisible();
  expect(await width(page, 'wit-editor')).toBeGreaterThan(1024 * 0.45);
  await retypeLine(page, 'wit-editor', 7, 'export run: func() -> strin;');
  await page.getByTestId('stage-focus-guest').click();
  await expect(page.getByTestId('wit-editor')).toBeHidden();
  await page.getByTestId('run').click();
  // The markers are in the hidden editor: it comes forward by itself.
  await expect(page.getByTestId('stage-focus-wit')).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('wit-editor')).toBeVisible();
  await expect.poll(() => markedLines(page.getByTestId('wit-editor')), { timeout: 30_000 }).toContain(7);
  // …and the learner can switch back and stay there.
  await page.getByTestId('stage-focus-guest').click();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('stage-focus-guest')).toHaveAttribute('aria-pressed', 'true');
  // Check's build errors are markers too: the hidden WIT comes forward for them as for Run's.
  await expect(page.getByTestId('wit-editor')).toBeHidden();
  expect(await check(page)).toContain('does not build: WIT line 7');
  await expect(page.getByTestId('stage-focus-wit')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => markedLines(page.getByTestId('wit-editor')), { timeout: 30_000 }).toContain(7);
});

/** A newcomer opens the course on a school laptop: what to do is on screen at first sight. */
test('1024×768: the first lesson\'s task is on screen above Check, and the output tabs are one row', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?learn');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  // The docs links and the .wasm toolbar row pushed it below the fold, under the sticky Check bar.
  const task = page.getByTestId('lesson-task');
  await expectOnScreen(page, task, 'Your task');
  const taskBottom = await task.evaluate((t) => t.getBoundingClientRect().bottom);
  const actionsTop = await page.locator('.lesson-actions').evaluate((a) => a.getBoundingClientRect().top);
  expect(taskBottom, 'the task is not under the Check bar').toBeLessThanOrEqual(actionsTop + 1);
  // Beside the lesson the output column is ~200 px: its tabs wrapped into six rows.
  await expectTabsOnOneRow(page);
  await expectOnScreen(page, page.getByTestId('tab-console'), 'Console tab');
  await page.screenshot({ path: test.info().outputPath('learn-1024-first-lesson.png') });
});

/** At 1366×768 (the commonest laptop) three columns left the guest 335 px, scrolled sideways at every edit. */
test('1366×768: one editor is large too, the lesson and the output beside it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?learn=keyvalue-get-set');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stage-focus')).toBeVisible();
  expect(await width(page, 'guest-editor')).toBeGreaterThan(1366 * 0.4);
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('learn-1366.png') });
});

test('1440×900: the three columns stay beside the lesson', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?learn=wit-types-canonical-abi');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stage-focus')).toHaveCount(0);
  await expect(page.getByTestId('wit-editor')).toBeVisible();
});

test('picking an example during the course says so and leads back to the lesson, edits kept', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?learn=wit-types-canonical-abi');
  await page.getByTestId('stage-focus-wit').click();
  await expect(page.getByTestId('wit-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await retypeLine(page, 'wit-editor', 7, 'export run: func() -> string; // mine');
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  const notice = page.locator('[data-testid="notice"][data-id="left-course"]');
  await expect(notice).toContainText(`You left the course at “${ABI}”`);
  await expect(notice).toContainText('kept');
  await notice.getByRole('button', { name: 'Back to the lesson' }).click();
  await expect(page.getByTestId('lesson-title')).toContainText(ABI);
  await expect(page.getByTestId('wit-editor')).toContainText('// mine');
  await expect(notice).toHaveCount(0);
  await expect(page).toHaveURL(/learn=wit-types-canonical-abi/);
  // The header's Reset asks first, as the lesson's own does (it once discarded the code unasked).
  let asked = '';
  page.once('dialog', (d) => ((asked = d.message()), void d.dismiss()));
  await page.getByRole('button', { name: "Reset sources to the example's original" }).click();
  await expect.poll(() => asked).toContain('Your code for this lesson is discarded');
  await expect(page.getByTestId('wit-editor')).toContainText('// mine');
});
