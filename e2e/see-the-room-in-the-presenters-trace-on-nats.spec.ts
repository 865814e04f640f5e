import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { useNatsServer } from './natsServer';

// The presenter (1280×720, presenter mode) and someone in the room on a phone (390×844, a
// browser context of its own: nothing shared but the NATS server) run the fan-out example on
// the room's server. The presenter's trace and diagram must show which deliveries the room sent.
const nats = useNatsServer();

test('the presenter’s trace and diagram mark the messages the room sent, not the presenter’s own', async ({ browser }) => {
  const link = `?example=msg-fan-out&nats=${encodeURIComponent(nats.ws)}`;
  const presenterContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const presenter = await presenterContext.newPage();
    await openApp(presenter, `${link}&present`);
    await presenter.getByTestId('backend-offer-accept').click();
    await expect(presenter.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
    await presenter.getByTestId('run').click();
    await expect(presenter.getByTestId('status')).toContainText('2 serving', { timeout: 60_000 });

    // The trace and timeline draw only the rows in view: look at one topic.
    await presenter.getByTestId('tab-trace').click();
    await presenter.getByLabel('Filter trace').fill('orders.created');
    const delivered = presenter.locator('[data-testid="trace-row"][data-kind="message"]', { hasText: 'deliver' });
    await expect(delivered).toHaveCount(1);
    // The presenter's own producer's message came through NATS too, but from this browser.
    await expect(presenter.getByTestId('sender-badge')).toHaveCount(0);

    const phone = await phoneContext.newPage();
    await openApp(phone, link);
    await phone.getByTestId('backend-offer-accept').click();
    await expect(phone.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
    await phone.getByTestId('run').click();
    await expect.poll(() => consoleText(phone), { timeout: 60_000 }).toMatch(/run\(\) → 3/);

    // The phone's order reaches the presenter's all-orders, marked as the room's.
    await expect(delivered).toHaveCount(2, { timeout: 15_000 });
    await expect(presenter.getByTestId('sender-badge')).toHaveCount(1);
    await expect(delivered.last().getByTestId('sender-badge')).toHaveText('from other machine');
    await presenter.screenshot({ path: test.info().outputPath('presenter-trace.png') });

    await presenter.getByTestId('tab-diagram').click();
    await expect(presenter.locator('[data-testid="diagram-edge"][data-family="message"][data-from="topic:orders.created"][data-to="guest:all-orders"]')).toHaveAttribute('data-count', '2');
    const topic = presenter.locator('[data-testid="diagram-node"][data-kind="topic"][data-name="orders.created"]');
    await expect(topic.getByRole('img', { name: 'has events from another tab or machine' })).toBeVisible();
    // The presenter's own producer sent from here.
    await expect(presenter.locator('[data-testid="diagram-node"][data-name="order-service"] .flow-node-tab')).toHaveCount(0);
    await presenter.screenshot({ path: test.info().outputPath('presenter-diagram.png') });
  } finally {
    await Promise.all([presenterContext.close(), phoneContext.close()]);
  }
});
