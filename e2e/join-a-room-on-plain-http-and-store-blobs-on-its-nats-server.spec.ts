import { chromium, expect, test, type Browser } from '@playwright/test';
import { consoleText } from './appHelpers';
import { useNatsServer } from './natsServer';

// The presenter serves the playground over plain http by a LAN name and runs its hosts on a
// NATS server; someone in the room on a phone opens the link. Such a page is not a secure
// context (no crypto.subtle): the object store must still take their blobs. The name is mapped
// to loopback inside Chromium, so traffic never leaves the host.
const HOST = 'playground.test';
const nats = useNatsServer();
let browser: Browser;

test.beforeAll(async ({}, info) => {
  const base = info.project.use.launchOptions ?? {};
  browser = await chromium.launch({ ...base, args: [...(base.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
});
test.afterAll(async () => browser?.close());

test('a phone that joined over plain http writes and reads blobs on the room’s NATS server', async ({}, info) => {
  const port = new URL(info.project.use.baseURL!).port;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(`http://${HOST}:${port}/?example=blob-range-read&nats=${encodeURIComponent(nats.ws)}`);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle }))).toEqual({ secure: false, subtle: 'undefined' });
    await expect(page.getByTestId('backend-offer')).toContainText(nats.ws);
    await page.getByTestId('backend-offer-accept').click();
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
    await page.getByTestId('run').click();
    await expect.poll(() => consoleText(page), { timeout: 90_000 }).toMatch(/get-data\(greeting\.txt, 6, 10\) = "world"/);
    const text = await consoleText(page);
    expect(text).toMatch(/past the end of object/);
    // The client refused to create an object store without crypto.subtle, which it never uses.
    expect(text).not.toContain('unable to calculate hashes');
    // Nothing of the hack is left behind on the page's workers or the page.
    expect(await page.evaluate(() => typeof crypto.subtle)).toBe('undefined');
    await page.screenshot({ path: test.info().outputPath('phone-blobs-over-http.png') });
  } finally {
    await context.close();
  }
});
