import { expect, test, type Locator } from '@playwright/test';
import { consoleText } from './appHelpers';
import { expectOnScreen } from './layoutHelpers';

/** Its text is shown whole: not cut at the end, not clipped below. */
async function expectWhole(el: Locator, what: string) {
  const m = await el.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight }));
  expect(m.sw, `${what} is not cut at its end`).toBeLessThanOrEqual(m.cw + 1);
  expect(m.sh, `${what} is not clipped below`).toBeLessThanOrEqual(m.ch + 1);
}

/**
 * A student runs the code on a phone and glances at the header: which hosts (this browser or a
 * NATS server, connected or not) and how the run went. Upright, the status was one line cut at
 * its end, and the hosts' badge waited behind ⋯ More; on its side the status had 120 px:
 * "built in 1.6 s · r…". Both are on screen and whole now.
 */
for (const { what, width, height, query } of [
  { what: 'a phone held upright', width: 390, height: 844, query: '?example=kv-counter' },
  { what: 'a phone on its side', width: 844, height: 390, query: '?example=kv-counter' },
  { what: 'a phone on its side in a lesson', width: 844, height: 390, query: '?learn=keyvalue-get-set' },
]) {
  test(`${what}: the hosts and the run's status are on screen and whole`, async ({ browser }) => {
    // A lesson's Run builds its JavaScript guest: the engine's first download and compile here.
    test.setTimeout(240_000);
    const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/${query}`);
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('run').tap();
    await expect.poll(() => consoleText(page), { timeout: 180_000 }).toMatch(/run\(\) → "?\d+"?|visit number 1/);
    await page.evaluate(() => scrollTo(0, 0));
    const status = page.getByTestId('status');
    await expect(status).toContainText('ran in');
    await expectOnScreen(page, status, 'status');
    await expectWhole(status, 'status');
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveText('Hosts: browser');
    await expectOnScreen(page, badge, 'hosts badge');
    await expectWhole(badge, 'hosts badge');
    // On its side the header stays one row.
    if (height < 500) expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(56);
    await page.screenshot({ path: test.info().outputPath(`status-${width}x${height}.png`), clip: { x: 0, y: 0, width, height: Math.min(height, 200) } });
    await context.close();
  });
}

/** A laptop's header is as it was: the status one line, the badge among the header's controls. */
test('a laptop at 1280×720: the status stays one line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?example=kv-counter');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText('ran in', { timeout: 60_000 });
  expect(await page.getByTestId('status').evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('nowrap');
  await expect(page.getByTestId('backend-badge')).toBeVisible();
});
