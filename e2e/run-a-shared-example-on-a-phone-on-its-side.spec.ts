import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { expectNoSidewaysScroll, expectOnScreen, visibleHeight } from './layoutHelpers';

/**
 * The teacher shares the request-reply example; a student opens the link on a phone held on its
 * side (844×390, touch). Three columns left the guest's code 290 px (cut after ~30 characters),
 * and under the notice, the two-line description and the .wasm toolbar it had eight lines of
 * the screen. Now one editor is large beside the output, with the WIT | Guest | Output switch
 * in the one-row header, the description folded to a line and the .wasm tools gone.
 */
test('a phone on its side opens a shared example: the code gets the screen, runs, and the output is a tap away', async ({ browser, page }) => {
  await openApp(page, '?example=msg-request-reply');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();

  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(link);
  const guest = phone.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expectNoSidewaysScroll(phone);
  expect((await guest.boundingBox())!.width, 'the guest editor is most of the width').toBeGreaterThan(844 * 0.5);
  expect(await visibleHeight(phone, guest), 'the guest editor is half the screen or more').toBeGreaterThan(390 * 0.5);
  await phone.screenshot({ path: test.info().outputPath('shared-844x390.png') });

  await phone.getByTestId('run').tap();
  await expect.poll(() => consoleText(phone), { timeout: 30_000 }).toMatch(/replied HELLO, WASI/);
  await phone.getByTestId('stage-focus-output').tap();
  expect((await phone.getByRole('region', { name: 'Output' }).boundingBox())!.width, 'the output is most of the width').toBeGreaterThan(844 * 0.6);
  await phone.getByTestId('tab-trace').tap();
  await expect(phone.getByTestId('trace-row').last()).toBeInViewport();
  expect(await visibleHeight(phone, phone.locator('.trace-body')), 'trace rows on screen').toBeGreaterThan(100);
  await expectOnScreen(phone, phone.getByTestId('tab-trace'), 'Trace tab');
  await phone.screenshot({ path: test.info().outputPath('shared-844x390-trace.png') });
  // The WIT is one tap away too.
  await phone.getByTestId('stage-focus-wit').tap();
  await expect(phone.getByTestId('wit-editor')).toBeVisible();
  expect((await phone.getByTestId('wit-editor').boundingBox())!.width).toBeGreaterThan(844 * 0.5);
  await context.close();
});
