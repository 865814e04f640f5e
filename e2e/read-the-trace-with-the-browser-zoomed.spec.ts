import { expect, test, type Locator } from '@playwright/test';
import { expectNoSidewaysScroll } from './layoutHelpers';

/** The cell's text is whole (not ellipsized) and its box lies inside the table's visible part. */
async function expectReadable(cell: Locator, body: Locator, what: string) {
  const { sw, cw } = await cell.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
  expect(sw, `${what} text is whole`).toBeLessThanOrEqual(cw + 1);
  const box = (await cell.boundingBox())!;
  const view = (await body.boundingBox())!;
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(view.x - 0.5);
  expect(box.x + box.width, `${what} right edge`).toBeLessThanOrEqual(view.x + view.width + 0.5);
}

/**
 * A student on a 1280×720 laptop zoomed to 150 % (853×480 CSS px) runs a lesson and opens the
 * Output view's Trace: the table's columns, sized to the run's longest names, needed ~720 px of
 * a ~400 px pane, and "args → result", what the call was given and gave back, lay off the right
 * edge behind a sideways scroll. There, each event takes two lines: the names whole, and args →
 * result under them.
 */
test('150 % zoom, the Output view of a lesson: each call\'s args → result reads in the Trace without scrolling sideways', async ({ browser }) => {
  // The lesson's guest is JavaScript: its first build downloads and compiles the engine.
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.goto('/?learn=keyvalue-get-set');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('stage-focus-output').click();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText('ran in', { timeout: 150_000 });
  await page.getByTestId('tab-trace').click();
  const body = page.locator('.trace-body');
  const set = page.locator('[data-testid="trace-row"][data-kind="call"]', { hasText: 'bucket.set' });
  await expect(set).toBeVisible();
  await expect(set.locator('.tc-detail')).toContainText('("visits"');
  const { sw, cw } = await body.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
  expect(sw, 'the Trace table does not scroll sideways').toBeLessThanOrEqual(cw);
  for (const cell of ['.tc-guest', '.tc-kind', '.tc-what', '.tc-detail']) await expectReadable(set.locator(cell), body, `bucket.set ${cell}`);
  await expectReadable(page.locator('[data-testid="trace-row"][data-kind="call"]', { hasText: '#open' }).locator('.tc-detail'), body, 'open args → result');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('trace-853x480.png') });
  await context.close();
});
