import { expect, test, type Locator } from '@playwright/test';
import { openApp } from './appHelpers';
import { useNatsServer } from './natsServer';

// A presenter at a WASI meeting runs the fan-out example on the room's NATS server; the
// audience opened the presenter's link on their own machines (browser contexts of their own:
// nothing shared but the server).
const nats = useNatsServer();
const link = () => `?example=msg-fan-out&nats=${encodeURIComponent(nats.ws)}`;

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
      await openApp(page, `${link()}&present`);
      await page.getByTestId('backend-offer-accept').click();
      await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
      await page.getByTestId('run').click();
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
