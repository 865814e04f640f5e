import { expect, test } from '@playwright/test';
import { consoleText } from './appHelpers';
import { expectNoSidewaysScroll, expectOnScreen } from './layoutHelpers';

/**
 * A student in the course holds the phone on its side (844×390). Beside the lesson, the code
 * and the output shared 507 px: the Console was 145 px, a run's lines broken every 15
 * characters, and the code cut after ~45. Now one of them at a time takes the room beside the
 * lesson (the WIT | Guest | Output switch in the header picks it), and Run shows the output.
 */
test('a phone on its side in a lesson: the code, then the run’s output, each get the room beside the lesson', async ({ browser }) => {
  // Run builds the JavaScript guest: the engine's first download and compile on this machine.
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?learn=keyvalue-get-set');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expectNoSidewaysScroll(page);
  const lesson = (await page.getByTestId('lesson-panel').boundingBox())!;
  const room = 844 - lesson.width;
  expect((await guest.boundingBox())!.width, 'the code takes the room beside the lesson').toBeGreaterThan(room * 0.95);

  await page.getByTestId('run').tap();
  // Run shows the output, as wide as the code was.
  await expect(page.getByTestId('stage-focus-output')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => consoleText(page), { timeout: 180_000 }).toMatch(/visit number 1/);
  const output = (await page.getByRole('region', { name: 'Output' }).boundingBox())!;
  expect(output.width, 'the output takes the room beside the lesson').toBeGreaterThan(room * 0.95);
  const line = page.getByTestId('console-line').filter({ hasText: 'visit number 1' }).first();
  await expect(line).toBeInViewport();
  expect((await line.boundingBox())!.height, 'the printed line is one line').toBeLessThan(24);
  await expectOnScreen(page, page.getByTestId('tab-trace'), 'Trace tab');
  await expectOnScreen(page, page.getByTestId('learn-check'), 'Check');
  await page.screenshot({ path: test.info().outputPath('lesson-run-844x390.png') });

  // Back to the code with one tap; the output is hidden, not squeezed beside it.
  await page.getByTestId('stage-focus-guest').tap();
  await expect(guest).toBeVisible();
  expect((await guest.boundingBox())!.width).toBeGreaterThan(room * 0.95);
  await expect(page.getByRole('region', { name: 'Output' })).toBeHidden();
  await context.close();
});

/** A laptop at 1024×768 keeps the code and the output side by side beside a lesson. */
test('a laptop at 1024×768 in a lesson keeps the code and the output side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?learn=keyvalue-get-set');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const code = (await guest.boundingBox())!;
  const output = (await page.getByRole('region', { name: 'Output' }).boundingBox())!;
  expect(output.x).toBeGreaterThanOrEqual(code.x + code.width - 1);
  expect(output.width).toBeGreaterThan(100);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('stage-focus-guest')).toHaveAttribute('aria-pressed', 'true');
});
