import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

/**
 * The first timeline row matching `selector`, scrolled into the rendered window: rows are
 * virtualized and the timeline sticks to the newest events, so an early row may be out of
 * view (where exactly depends on delivery order). Scrolls from the top, as a reader would.
 */
async function findTimelineRow(page: Page, selector: string) {
  const body = page.locator('.tl-body');
  for (let step = 0; step < 60; step++) {
    const row = page.locator(selector).first();
    if ((await row.count()) > 0) return row;
    await body.evaluate((el, s) => (el.scrollTop = s === 0 ? 0 : el.scrollTop + el.clientHeight * 0.8), step);
    await page.waitForTimeout(100);
  }
  throw new Error(`no timeline row ${selector}`);
}

const rowsCount = async (page: Page) => Number((await page.getByTestId('timeline-count').innerText()).match(/^(\d+)/)?.[1] ?? NaN);

test('watch the pub/sub example in the flow diagram, inspect a delivery, pause and filter', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'msg-fan-out');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);

  await page.getByTestId('tab-diagram').click();
  const node = (kind: string, name: string) => page.locator(`[data-testid="diagram-node"][data-kind="${kind}"][data-name="${name}"]`);
  for (const guest of ['all-orders', 'payments', 'order-service']) await expect(node('guest', guest)).toBeVisible();
  for (const topic of ['orders.created', 'orders.paid']) await expect(node('topic', topic)).toBeVisible();
  // Guests sit left of topics.
  const gx = (await node('guest', 'payments').boundingBox())!.x;
  const tx = (await node('topic', 'orders.paid').boundingBox())!.x;
  expect(gx).toBeLessThan(tx);
  await page.screenshot({ path: test.info().outputPath('diagram.png') });

  // A delivered orders.paid message → Inspector shows its CloudEvents envelope and JSON payload.
  // Rows are virtualized (scrolling swaps them), so pin the row by its event id before clicking.
  const firstDelivery = await findTimelineRow(page, '[data-testid="timeline-row"][data-action="deliver"][data-topic="orders.paid"]');
  const eventId = await firstDelivery.getAttribute('data-event-id');
  const delivered = page.locator(`[data-testid="timeline-row"][data-event-id="${eventId}"]`);
  await delivered.click();
  await expect(delivered).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('diagram-inspect').click();
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  const attr = (name: string) => page.locator(`[data-testid="inspector-attr"][data-name="${name}"] td`);
  await expect(attr('specversion')).toHaveText('1.0');
  await expect(attr('subject')).toHaveText('orders.paid');
  await expect(attr('type')).toHaveText('wasi.messaging.message');
  const json = page.getByTestId('inspector-json');
  await expect(json).toBeVisible();
  const parsed = JSON.parse(await json.innerText()) as Record<string, unknown>;
  expect(typeof parsed).toBe('object');
  await page.getByTestId('inspector-tab-hex').click();
  await expect(page.getByTestId('inspector-hex')).toContainText('00000000');
  await page.screenshot({ path: test.info().outputPath('inspector.png') });

  // Pause: a second run is recorded, but the paused view keeps showing the first run.
  await page.getByTestId('tab-diagram').click();
  await page.getByTestId('diagram-pause').click();
  await expect(page.getByTestId('diagram-pause')).toHaveAttribute('aria-pressed', 'true');
  const frozen = await rowsCount(page);
  expect(frozen).toBeGreaterThan(0);
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);
  await page.getByTestId('tab-diagram').click();
  await page.waitForTimeout(300);
  expect(await rowsCount(page)).toBe(frozen);
  await expect(page.getByTestId('diagram-count')).toContainText('paused');
  await expect(page.getByTestId('run-picker').locator('option:checked')).toHaveText(/^Run 1 ·/);
  // Resume: the second run, on its own (same example, so as many rows as the first).
  await page.getByTestId('diagram-pause').click();
  await expect(page.getByTestId('run-picker').locator('option:checked')).toHaveText(/^Run 2 ·/);
  await expect.poll(() => rowsCount(page)).toBe(frozen);
  await expect(page.getByTestId('diagram-count')).toContainText('live');

  // Filter by topic: fewer rows, all on that topic.
  const all = await rowsCount(page);
  await page.getByTestId('diagram-filter-topic').selectOption('orders.paid');
  await expect.poll(() => rowsCount(page)).toBeLessThan(all);
  const rowTopics = () => page.getByTestId('timeline-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-topic')))]);
  await expect.poll(rowTopics).toEqual(['orders.paid']);
  await page.screenshot({ path: test.info().outputPath('filtered.png') });
});

test('a subscription edited in the Hosts tab is used by the next Run and survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('msg-fan-out');
  await page.getByTestId('tab-hosts').click();
  const payments = page.locator('[data-testid="hosts-guest"][data-name="payments"]').getByTestId('hosts-subscriptions');
  await expect(payments).toHaveValue('orders.paid');
  await payments.fill('orders.>.x.y\n');
  await expect(page.getByTestId('hosts-subscriptions-error')).toContainText('only allowed as the last segment');
  await payments.fill('orders.shipped');
  await expect(page.getByTestId('hosts-subscriptions-error')).toHaveCount(0);
  await expect(page.getByTestId('host-package').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('hosts.png') });

  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);
  await expect.poll(() => consoleText(page)).toMatch(/payments\s+orders\.shipped/);
  expect(await consoleText(page)).not.toMatch(/payments\s+orders\.paid/);

  await page.waitForTimeout(800); // autosave is debounced
  await page.reload();
  await page.getByTestId('tab-hosts').click();
  await expect(page.locator('[data-testid="hosts-guest"][data-name="payments"]').getByTestId('hosts-subscriptions')).toHaveValue('orders.shipped');
});

test('on a phone the diagram leaves its width to the arrows, and every count is in the arrow list', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openApp(page, '?example=msg-fan-out');
  await page.getByTestId('run').tap();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);
  await page.getByTestId('tab-diagram').tap();
  const diagram = page.getByTestId('flow-diagram');
  await diagram.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('diagram-node')).toHaveCount(6);
  // Spread evenly with the margins, ~100 px were left between the columns and the "×1" bunched there.
  const gap = await page.evaluate(() => {
    const box = (name: string) => document.querySelector(`[data-testid="diagram-node"][data-name="${name}"]`)!.getBoundingClientRect();
    return box('orders.created').left - box('order-service').right;
  });
  expect(gap).toBeGreaterThan(140);
  for (const name of await page.locator('.flow-node-name').all()) {
    expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth), await name.innerText()).toBe(true);
  }
  const counts = await page.getByTestId('diagram-edge').evaluateAll((li) => li.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.length).toBeGreaterThan(5);
  for (const n of counts) expect(n).toBeGreaterThan(0);
  await diagram.screenshot({ path: test.info().outputPath('phone-diagram.png') });
  await context.close();
});
