import { expect, test, type Locator, type Page } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { useNatsServer } from './natsServer';

// A presenter at a WASI meeting runs the fan-out example on the room's NATS server; the
// audience opened the presenter's link on their own machines (browser contexts of their own:
// nothing shared but the server).
const nats = useNatsServer();
const link = () => `?example=msg-fan-out&nats=${encodeURIComponent(nats.ws)}`;

/** The presenter opens the room's link in presenter mode, joins the server and runs the example. */
async function presentAndRun(page: Page): Promise<void> {
  await openApp(page, `${link()}&present`);
  await page.getByTestId('backend-offer-accept').click();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
  await page.getByTestId('run').click();
}

/** Whether an element shows all of its text (neither cut at its side nor below its last line). */
const showsWhole = (el: Locator) => el.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight);

for (const { w, h, scale, zoom } of [
  { w: 1280, h: 720, scale: 1, zoom: '100 %' },
  { w: 853, h: 480, scale: 1.5, zoom: '150 %' },
] as const) {
  test(`presenting at ${zoom}: the status line says, whole, that the handlers serve`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    try {
      const page = await context.newPage();
      await presentAndRun(page);
      const status = page.getByTestId('status');
      await expect(status).toContainText('2 serving', { timeout: 60_000 });
      // Cut with an ellipsis beside the header's buttons, it read "built in 703 ms · ran in 114 ms…".
      expect(await showsWhole(status)).toBe(true);
      await expect(status).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: test.info().outputPath(`status-${w}.png`) });
    } finally {
      await context.close();
    }
  });
}

test('a phone in the room sees in the Trace that the presenter’s messages came via NATS, and their delay', async ({ browser }) => {
  const presenterContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const phone = await phoneContext.newPage();
    await openApp(phone, link());
    await phone.getByTestId('backend-offer-accept').tap();
    await expect(phone.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
    await phone.getByTestId('run').tap();
    await expect(phone.getByTestId('status')).toContainText('2 serving', { timeout: 60_000 });

    const presenter = await presenterContext.newPage();
    await presentAndRun(presenter);
    await expect.poll(() => consoleText(presenter), { timeout: 60_000 }).toMatch(/run\(\) → 3/);

    // The presenter's shipment reaches the phone's all-orders: one trace row, two lines on a phone.
    await phone.getByTestId('tab-trace').tap();
    await phone.getByLabel('Filter trace').fill('orders.shipped');
    const fromPresenter = phone.locator('[data-testid="trace-row"][data-kind="message"]', { hasText: 'deliver' }).filter({ has: phone.getByTestId('sender-badge') });
    await expect(fromPresenter).toHaveCount(1, { timeout: 15_000 });
    // At the end of the payload, "· via NATS" was cut, and the narrow table has no ms column.
    const via = fromPresenter.getByTestId('via-badge');
    await expect(via).toHaveText(/^via NATS · \d+(\.\d)? ms$/);
    await expect(via).toBeInViewport({ ratio: 1 });
    const row = (await fromPresenter.boundingBox())!;
    const badge = (await via.boundingBox())!;
    expect(badge.x + badge.width).toBeLessThanOrEqual(Math.min(row.x + row.width, 390));
    await phone.screenshot({ path: test.info().outputPath('phone-trace.png') });
  } finally {
    await Promise.all([presenterContext.close(), phoneContext.close()]);
  }
});

test('on the room’s server the counter and lobby examples say where their data lives, not "IndexedDB"', async ({ page }) => {
  const description = page.getByTestId('example-description');
  await openApp(page, `?example=msg-two-tabs&nats=${encodeURIComponent(nats.ws)}`);
  // Not joined yet: hosts are this browser's, and so is the paragraph.
  await expect(description).toContainText('lives in IndexedDB');
  await page.getByTestId('backend-offer-accept').click();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
  await expect(description).toContainText('a JetStream key-value bucket on the server');
  await expect(description).not.toContainText(/IndexedDB|BroadcastChannel/);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await expect(description).toContainText('JetStream key-value bucket wcp-kv-counters');
  // The presenter's at-most-once tally read "effects: 18 for 10 messages" while the room ran it too.
  await page.getByTestId('example-picker').selectOption('proposal-delivery-guarantees');
  await expect(description).toContainText('a standard (at-most-once) handler on another machine handles each message too and doubles its count');
  await page.screenshot({ path: test.info().outputPath('kv-counter-on-nats.png') });
});

test('the presenter shows the room the server’s address in ⚙ in the page’s own colours, not a greyed field', async ({ page }) => {
  await openApp(page, `${link()}&present`);
  await page.getByTestId('backend-offer-accept').click();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
  await page.getByTestId('settings').click();
  const address = page.getByTestId('nats-server');
  await expect(address).toHaveValue(nats.ws);
  const look = await address.evaluate((el) => {
    const field = getComputedStyle(el);
    const body = getComputedStyle(document.body);
    return { color: field.color, text: body.color, background: field.backgroundColor, page: body.backgroundColor };
  });
  // It was the browser's own field: grey (59, 59, 59) behind grey text, read as disabled.
  expect(look.color).toBe(look.text);
  expect(look.background).toBe(look.page);
  await page.screenshot({ path: test.info().outputPath('settings-address.png') });
});

test('presenting at 125 %: a delivery picked in the Diagram shows "via NATS" whole beside its kind', async ({ browser }) => {
  // 1280×720 at 125 %: the Diagram's one-line selection bar gave way from its detail, where the badge sat.
  const context = await browser.newContext({ viewport: { width: 1024, height: 576 }, deviceScaleFactor: 1.25 });
  try {
    const page = await context.newPage();
    await presentAndRun(page);
    await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(/run\(\) → 3/);
    await page.getByTestId('tab-diagram').click();
    await page.getByTestId('diagram-pause').click();
    const row = page.locator('[data-testid="timeline-row"][data-action="deliver"]').first();
    await row.scrollIntoViewIfNeeded();
    await row.click();
    const bar = page.getByTestId('diagram-selection');
    const via = bar.getByTestId('via-badge');
    await expect(via).toHaveText(/^via NATS · \d+(\.\d)? ms$/);
    // Whole: not cut by the bar nor by any box between them that clips what overflows it.
    const cutBy = await via.evaluate((e) => {
      const r = e.getBoundingClientRect();
      for (let box = e.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        const p = box.getBoundingClientRect();
        if (style.overflowX !== 'visible' && (r.right > p.right + 0.5 || r.left < p.left - 0.5)) return box.className;
        if (box.dataset.testid === 'diagram-selection') break;
      }
      return null;
    });
    expect(cutBy).toBeNull();
    await page.screenshot({ path: test.info().outputPath('diagram-125.png') });
  } finally {
    await context.close();
  }
});
