import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

// Standard wasi:messaging has no ack or nack: when `handle` returns err, the host drops the
// message and never redelivers it. The Trace said "nack" for it, which reads as if the host
// would retry (the proposal's nack does). Now it says "drop" and why, in the Trace, the
// Diagram's timeline, the Inspector and the Console; the proposal's real nack stays "nack".
test.use({ viewport: { width: 1280, height: 720 } });

test("a standard handler's err shows as a dropped message with its reason; the proposal's nack stays a nack", async ({ page }) => {
  await openApp(page);
  // The delivery-guarantees example: each consumer's 8th increment fails (seed 59), the first copy of #07.
  await runExample(page, 'proposal-delivery-guarantees');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/exactly-once\s+lost: none/);
  expect(await consoleText(page)).toMatch(/⚠ message on "deliveries" for at-most-once dropped \(handler returned err; wasi:messaging has no nack, so it is not redelivered\)/);

  // Trace: typed into the filter box, the reason finds the one drop, the at-most-once handler's.
  await page.getByTestId('tab-trace').click();
  const filter = page.getByLabel('Filter trace');
  await filter.click();
  await page.keyboard.type('returned err');
  const rows = page.getByTestId('trace-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('.tc-kind')).toHaveText('drop');
  await expect(rows.locator('.tc-guest')).toHaveText('at-most-once');
  await expect(rows.locator('.tc-detail')).toHaveText('"07" → at-most-once · handler returned err');
  await page.screenshot({ path: test.info().outputPath('trace-drop.png') });

  // Inspector: the reason in words.
  await rows.click();
  await page.getByTestId('tab-inspector').click();
  await expect(page.locator('[data-testid="inspector-field"][data-name="action"] td')).toHaveText('drop');
  await expect(page.locator('[data-testid="inspector-field"][data-name="reason"] td')).toHaveText(/^handler returned err: the host dropped the message \(standard wasi:messaging has no nack and never redelivers/);
  await page.screenshot({ path: test.info().outputPath('inspector-drop.png') });

  // The at-least-once consumer calls the proposal's nack: that stays a nack, and only there.
  await page.getByTestId('tab-trace').click();
  await filter.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('nack');
  await expect(rows.first()).toBeVisible();
  const nackRows = rows.filter({ has: page.locator('.tc-kind', { hasText: /^nack$/ }) });
  await expect(nackRows.first()).toBeVisible();
  expect(await nackRows.locator('.tc-guest').allInnerTexts()).toEqual(expect.arrayContaining(['at-least-once']));
  expect(await nackRows.locator('.tc-guest').allInnerTexts()).not.toContain('at-most-once');

  // Diagram timeline: the handler's answer to its delivery, labelled with why.
  await page.getByTestId('tab-diagram').click();
  await page.getByTestId('diagram-filter-text').fill('returned err');
  const timelineDrop = page.locator('[data-testid="timeline-row"][data-action="drop"]');
  await expect(timelineDrop).toHaveCount(1);
  await expect(timelineDrop.locator('.tl-label')).toHaveText('drop (handler returned err)');
  await page.screenshot({ path: test.info().outputPath('timeline-drop.png') });
});
