import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen } from './layoutHelpers';

/**
 * A student opens the teacher's lesson link on a phone held on its side (844×390, touch). The
 * header wrapped to two rows (93 px of 390) and, with the lesson's own nav and the Check bar,
 * left about six lines of text between the lesson's title and Check: three on screen under
 * "Your task ↓". The header is one row there now; what it held waits behind ⋯ More.
 */
test('a phone on its side: the header is one row and the lesson reads between its title and Check', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?learn=keyvalue-get-set');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expectNoSidewaysScroll(page);
  expect((await page.locator('.app-header').boundingBox())!.height, 'the header is one row').toBeLessThan(56);
  const room = await page.evaluate(() => {
    const title = document.querySelector('[data-testid="lesson-title"]')!.getBoundingClientRect();
    const bar = document.querySelector('.lesson-actions')!.getBoundingClientRect();
    const p = document.querySelector<HTMLElement>('.lesson-text p')!;
    return (bar.top - title.bottom) / parseFloat(getComputedStyle(p).lineHeight);
  });
  expect(room, 'lines of lesson text between the title and the Check bar').toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: test.info().outputPath('lesson-844x390.png') });

  // What a student taps in the course is on screen and big enough for a finger.
  for (const id of ['run', 'learn-check', 'stage-focus-wit', 'stage-focus-guest', 'stage-focus-output', 'header-more']) {
    const el = page.getByTestId(id);
    await expectOnScreen(page, el, id);
    expect((await el.boundingBox())!.height, `${id} is tall enough to tap`).toBeGreaterThanOrEqual(32);
  }
  await page.getByTestId('stage-focus-output').tap();
  await expect(page.getByTestId('tab-console')).toBeInViewport();
  await page.getByTestId('stage-focus-guest').tap();

  // The controls behind ⋯ More open in reach, and each menu inside the screen.
  await page.getByTestId('header-more').tap();
  for (const [menu, popover] of [['workspaces', '.workspaces-popover'], ['storage', '.storage-popover'], ['share', '.share-popover'], ['settings', '.settings-popover']] as const) {
    const summary = page.getByTestId(menu);
    await expectOnScreen(page, summary, menu);
    await summary.tap();
    const opened = page.locator(popover);
    await expect(opened).toBeVisible();
    const box = (await opened.boundingBox())!;
    expect(box.x, `${popover} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${popover} right edge`).toBeLessThanOrEqual(844.5);
    // The app does not scroll: a menu running past the bottom left its last controls unreachable.
    expect(box.y + box.height, `${popover} bottom edge`).toBeLessThanOrEqual(390.5);
    await expectNoSidewaysScroll(page);
    await summary.tap();
    await expect(opened).toBeHidden();
  }
  await page.getByTestId('header-more').tap();
  await expect(page.getByTestId('share')).toBeHidden();
  await context.close();
});
