import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { useNatsServer } from './natsServer';

const nats = useNatsServer();
test.use({ viewport: { width: 1280, height: 720 } });

/**
 * Someone in the audience opens the presenter's link, which names the room's NATS server,
 * and presses Run before answering the question: the run is local (nothing connects unasked),
 * and the bar now says so instead of letting them believe they joined.
 */
test('Run before Connect runs in this browser and says so; after Connect the same Run uses the server', async ({ page }) => {
  await openApp(page, `?example=kv-counter&nats=${encodeURIComponent(nats.ws)}`);
  const offer = page.getByTestId('backend-offer');
  await expect(offer).toContainText(nats.ws);
  await expect(page.getByTestId('backend-offer-ran')).toHaveCount(0);

  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?1"?/);
  await expect(page.getByTestId('backend-offer-ran')).toContainText("That run used this browser's hosts, not the room's server.");
  await expect(page.getByTestId('backend-badge')).toContainText(/browser/i);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?2"?/);
  await page.screenshot({ path: test.info().outputPath('ran-before-connect.png') });

  await page.getByTestId('backend-offer-accept').click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  // The room's key-value store is not this browser's (whose counter is at 2 by now): 1.
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?1"?/);
});

test('handlers serving while the room’s server goes away: the status line says handlers hear nothing, until it is back', async ({ page }) => {
  await openApp(page, `?example=msg-fan-out&nats=${encodeURIComponent(nats.ws)}`);
  await page.getByTestId('backend-offer-accept').click();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await page.getByTestId('run').click();
  const status = page.getByTestId('status');
  await expect(status).toContainText('serving', { timeout: 60_000 });
  await expect(status).not.toContainText('unreachable');
  await nats.stop();
  try {
    await expect(status).toContainText('NATS server unreachable: handlers hear nothing until it is back', { timeout: 15_000 });
    await expect(status).toHaveClass(/status-down/);
    await page.screenshot({ path: test.info().outputPath('serving-while-down.png') });
  } finally {
    await nats.start();
  }
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(status).not.toContainText('unreachable');
  await expect(status).toContainText('serving');
});

test('an 800×500 embed of the presenter’s link shows the server it joined and when it is away', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`/?embed&example=kv-counter&nats=${encodeURIComponent(nats.ws)}`);
  await expect(page.getByTestId('backend-offer')).toContainText(nats.ws);
  // Nothing said where the hosts ran before: in this browser, the default.
  await expect(page.getByTestId('backend-badge')).toHaveCount(0);
  await page.getByTestId('backend-offer-accept').click();
  const badge = page.getByTestId('embed-header').getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await expect(badge).toHaveAttribute('aria-label', `Hosts run on NATS ${nats.ws}: connected`);
  await expect(badge).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('embed-connected.png') });
  await nats.stop();
  try {
    await expect(badge).toHaveAttribute('data-state', 'disconnected', { timeout: 15_000 });
    await expect(badge).toHaveText('NATS · disconnected');
  } finally {
    await nats.start();
  }
  await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
});


test('a link opened before the room’s server is up: Run says no guest started, and it connects once the server is, without a reload', async ({ page }) => {
  const badge = page.getByTestId('backend-badge');
  const status = page.getByTestId('status');
  await nats.stop();
  try {
    await openApp(page, `?example=msg-fan-out&nats=${encodeURIComponent(nats.ws)}`);
    await page.getByTestId('backend-offer-accept').click();
    await expect(badge).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
    await expect(badge).toHaveText('NATS · unreachable');
    await expect(badge).toHaveAttribute('title', /Trying again every 2 s\.$/);
    // It named the last guest alone ("order-service could not start"), as if the others ran.
    await page.getByTestId('run').click();
    await expect(status).toContainText('all-orders, payments and order-service could not start', { timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('joined-before-the-server.png') });
  } finally {
    await nats.start();
  }
  // It stayed "unreachable" until the page was reloaded, though Run would have connected.
  await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await page.getByTestId('run').click();
  await expect(status).toContainText('2 serving', { timeout: 60_000 });
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);
});

test('on a phone, “Stay in this browser” and then joining after all needs no typing of the address', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const phone = await context.newPage();
    await openApp(phone, `?example=kv-counter&nats=${encodeURIComponent(nats.ws)}`);
    await phone.getByTestId('backend-offer-decline').tap();
    await expect(phone.getByTestId('backend-offer')).toHaveCount(0);
    await expect(phone.getByTestId('backend-badge')).toHaveText('Hosts: browser');
    // The phone header folds ⚙ under "More".
    const more = phone.getByRole('button', { name: /More/ });
    if (await more.isVisible()) await more.tap();
    await phone.getByTestId('settings').tap();
    // The address field still holds this browser's own (saved) address, not the link's.
    await expect(phone.getByTestId('nats-server')).not.toHaveValue(nats.ws);
    await expect(phone.getByTestId('declined-server')).toContainText(nats.ws);
    await phone.screenshot({ path: test.info().outputPath('declined-then-settings.png') });
    await phone.getByTestId('join-declined-server').tap();
    await expect(phone.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
    await expect(phone.getByTestId('declined-server')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
