import { expect, test } from '@playwright/test';
import { openApp } from './appHelpers';

// A handler-only guest imports nothing of wasi:messaging by name (its world exports the
// incoming-handler, nothing else), so the Hosts tab's imports row showed only wasi:cli:
// nothing said that wasi:messaging delivers its messages, nor that the Subscriptions above
// decide which. The card now names the host that calls its export and what configures it.
test.use({ viewport: { width: 1280, height: 720 } });

const card = (page: import('@playwright/test').Page, name: string) => page.locator(`[data-testid="hosts-guest"][data-name="${name}"]`);

test('the Hosts tab names the host behind a handler or a watcher, and the setting that decides its calls', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('msg-fan-out');
  await page.getByTestId('tab-hosts').click();
  const handler = card(page, 'all-orders').getByTestId('hosts-driven-export');
  await expect(handler).toHaveText('called by wasi:messaging@0.2.0-draft through its export incoming-handler, for each message matching its Subscriptions');
  await expect(handler.locator('code.host')).toHaveText('wasi:messaging@0.2.0-draft');
  // The producer only imports: no host calls it.
  await expect(card(page, 'order-service').getByTestId('hosts-driven')).toHaveCount(0);
  await expect(card(page, 'order-service').locator('.hosts-imports code.host')).toContainText(['wasi:messaging@0.2.0-draft']);
  await page.screenshot({ path: test.info().outputPath('handler.png') });

  // Emptied with the keyboard, the subscriptions leave the handler nothing to receive: said there.
  const subscriptions = card(page, 'payments').getByTestId('hosts-subscriptions');
  await subscriptions.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await expect(card(page, 'payments').getByTestId('hosts-driven-export')).toContainText('(no subscriptions yet: it receives no messages)');
  await expect(card(page, 'all-orders').getByTestId('hosts-driven-export')).not.toContainText('no subscriptions');

  // A key-value watcher: called by the key-value host for changes in its buckets.
  await page.getByTestId('example-picker').selectOption('kv-watcher');
  await page.getByTestId('tab-hosts').click();
  await expect(card(page, 'stock-watch').getByTestId('hosts-driven-export')).toHaveText('called by wasi:keyvalue@0.2.0-draft2 through its export watcher, for changes in its Key-value buckets');
  await page.screenshot({ path: test.info().outputPath('watcher.png') });
});
