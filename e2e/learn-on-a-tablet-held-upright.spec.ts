import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen } from './layoutHelpers';
import { check, retypeLine } from './learnHelpers';

/**
 * A student follows the course on a tablet held upright (768×1024, touch). Beside the lesson,
 * the guest editor and the output stood side by side: the code 330 px wide (scrolled sideways
 * at every edit, hiding the starts of lines) and the output 130 px (Console and half of Trace),
 * over 900 px of height. Now the output sits under the code, both as wide as the column.
 */
test('a tablet held upright: the code and the output under it get the width, and a typed fix is checked', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/?learn=wit-types-canonical-abi');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expectNoSidewaysScroll(page);
  const code = (await guest.boundingBox())!;
  const output = (await page.getByRole('region', { name: 'Output' }).boundingBox())!;
  const lesson = (await page.getByTestId('lesson-panel').boundingBox())!;
  const rest = 768 - lesson.width;
  expect(code.width, 'the code takes the width beside the lesson').toBeGreaterThan(rest * 0.9);
  expect(output.width, 'so does the output').toBeGreaterThan(rest * 0.9);
  expect(output.y, 'the output is under the code').toBeGreaterThanOrEqual(code.y + code.height - 1);
  expect(code.height, 'the code keeps most of the height').toBeGreaterThan(output.height);
  for (const tab of ['tab-console', 'tab-trace', 'tab-diagram']) await expectOnScreen(page, page.getByTestId(tab), tab);

  // The student taps into the code and types the fix with the keyboard; Check judges it.
  await retypeLine(page, 'guest-editor', 13, '(i32.store (i32.const 4) (i32.const 10))');
  await expect(guest.locator('.view-lines')).toContainText('(i32.store (i32.const 4) (i32.const 10))');
  expect(await check(page, 120_000)).toContain('returned "wasm compo"');
  await expectOnScreen(page, page.getByTestId('learn-check'), 'Check');
  await page.screenshot({ path: test.info().outputPath('tablet-768x1024.png') });
  await context.close();
});

/** The same tablet on an example (no lesson): three columns were 190–290 px each. */
test('a tablet held upright runs an example: one editor across the screen, the output under it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/?example=kv-counter');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expectNoSidewaysScroll(page);
  expect((await guest.boundingBox())!.width, 'the guest code is as wide as the screen').toBeGreaterThan(768 * 0.9);
  await page.getByTestId('run').tap();
  await expect(page.getByTestId('console-line').first()).toBeInViewport({ timeout: 30_000 });
  const output = (await page.getByRole('region', { name: 'Output' }).boundingBox())!;
  expect(output.width).toBeGreaterThan(768 * 0.9);
  await page.getByTestId('stage-focus-wit').tap();
  await expect(page.getByTestId('wit-editor')).toBeVisible();
  expect((await page.getByTestId('wit-editor').boundingBox())!.width).toBeGreaterThan(768 * 0.9);
  await page.screenshot({ path: test.info().outputPath('tablet-768x1024-example.png') });
  await context.close();
});
