import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';

// The 1 Dec 2022 meeting discussed regex topic patterns. An attendee tries one in the Hosts
// tab: it is refused with the wildcard syntax (taken literally it would match nothing), and
// the wildcard it suggests then subscribes the guest to every orders topic.
test('a regular expression as a subscription is refused with the wildcard that does the job', async ({ page }) => {
  await openApp(page, '?example=msg-fan-out');
  await page.getByTestId('tab-hosts').click();
  const payments = page.getByTestId('hosts-subscriptions').nth(1);
  await expect(payments).toHaveValue('orders.paid');
  await payments.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('orders\\.(paid|created)');
  const error = page.getByTestId('hosts-subscriptions-error');
  await expect(error).toContainText('looks like a regular expression');
  await expect(error).toContainText('orders.*');
  await expect(payments).toHaveAttribute('aria-invalid', 'true');

  // A wildcard inside a segment is refused too, rather than taken literally.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('orders.pa*');
  await expect(error).toContainText('a wildcard must be a whole segment');

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('orders.>');
  await expect(error).toHaveCount(0);
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  // "payments" now hears all three order topics, not just orders.paid.
  await expect.poll(async () => (await consoleText(page)).match(/payments\s+orders\.\w+:/g)?.length ?? 0, { timeout: 20_000 }).toBe(3);
});
