import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

// The delivery-guarantees example with its default faults: the producer (seed 22) loses #03
// and #10 at send and duplicates #05 and #06; each consumer's 8th counter increment fails
// (seed 59), which for the push consumers is the first copy of #07.
test('compare delivery guarantees under injected faults', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'proposal-delivery-guarantees');
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/exactly-once\s+lost: none · twice or more: none · effects: 10/);
  const text = await consoleText(page);
  // Push consumers never see the messages dropped at send; at-most-once also loses the one whose processing failed.
  expect(text).toMatch(/at-most-once\s+lost: #03 #07 #10 · twice or more: #05 #06/);
  // At-least-once recovers the failed #07 by nack + redelivery, but still counts the duplicates twice.
  expect(text).toMatch(/at-least-once\s+lost: #03 #10 · twice or more: #05 #06/);
  expect(text).toMatch(/nack\(requeue\), the host will redeliver it/);
  // #05 and #06 arrive twice with one id: each copy is leased and acked on its own, so no
  // lease is reported lost (one shared record was, and a nacked copy was never redelivered).
  expect(text).not.toMatch(/lease on .* had expired/);
  // The offsets consumer's 4th commit fails: it restarts from the last commit and skips what it applied.
  expect(text).toMatch(/commit\(\d+\) failed: injected fault → crash, restart from the last commit/);
  expect(text).toMatch(/already processed before the restart → skipped/);
  // The trace marks injected faults on the message events.
  await page.getByTestId('tab-trace').click();
  await page.getByLabel('Filter trace').fill('producer');
  await expect(page.getByTestId('trace-row').first()).toBeVisible();
  // The table is virtualized: scroll from the top until the producer's dropped messages show.
  const badges = page.getByTestId('fault-badge');
  await expect
    .poll(async () => {
      await page.getByTestId('trace-row').first().evaluate((row) => {
        const box = row.closest('[class*="scroll"], [style*="overflow"]') ?? row.parentElement?.parentElement;
        if (box) box.scrollTop = box.scrollTop === 0 ? 0 : box.scrollTop - 200;
      });
      return (await badges.allInnerTexts()).join(' ');
    })
    .toMatch(/fault: drop/);
});

test('the Faults tab overrides the example defaults for the next Run', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('proposal-delivery-guarantees');
  await page.getByTestId('tab-faults').click();
  await expect(page.locator('[data-testid=fault-effective][data-guest=producer]')).toContainText('drop 0.2');
  // Switch the producer's network faults off: no message is lost or duplicated on the way.
  await page.getByTestId('fault-scope').selectOption('producer');
  await page.getByTestId('fault-mode').selectOption('off');
  await expect(page.locator('[data-testid=fault-effective][data-guest=producer]')).toContainText('no faults');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/exactly-once\s+lost: none/);
  const text = await consoleText(page);
  expect(text).toMatch(/at-least-once\s+lost: none · twice or more: none · effects: 10/);
  expect(text).toMatch(/at-most-once\s+lost: #\d\d · twice or more: none · effects: 9/);
});
