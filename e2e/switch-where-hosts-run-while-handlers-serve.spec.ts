import { expect, test, type Page } from '@playwright/test';
import { connect as connectNode } from '@nats-io/transport-node';
import { chooseNatsBackend, consoleText, openApp, runExample } from './appHelpers';
import { useNatsServer } from './natsServer';

// A presenter at 1280×720 switches "Hosts run on" back and forth in front of the room while the
// fan-out example's handlers serve. A run's workers keep the backend they started on, so the
// header must not name one backend over handlers still serving on the other.
const nats = useNatsServer();
test.use({ viewport: { width: 1280, height: 720 } });

const hostsOn = async (page: Page, where: 'browser' | 'nats') => {
  await page.getByTestId('settings').click();
  await page.getByTestId(where === 'nats' ? 'backend-nats' : 'backend-browser').check();
  await page.getByTestId('settings').click();
};

test('switching where hosts run stops the handlers serving on the other backend, says so, and Run serves on the new one', async ({ page }) => {
  const outside = await connectNode({ servers: nats.nats });
  const publish = async (text: string) => {
    outside.publish('orders.created', new TextEncoder().encode(text));
    await outside.flush();
  };
  try {
    await openApp(page);
    await chooseNatsBackend(page, nats.ws);
    await runExample(page, 'msg-fan-out');
    const status = page.getByTestId('status');
    await expect(status).toContainText('2 serving', { timeout: 60_000 });
    await publish('{"order":1,"from":"the room"}');
    await expect.poll(() => consoleText(page)).toContain('{"order":1,"from":"the room"}');

    await hostsOn(page, 'browser');
    await expect(page.getByTestId('backend-badge')).toHaveText('Hosts: browser');
    await expect(status).not.toContainText('serving');
    await expect.poll(() => consoleText(page)).toContain(`The guests ran on the NATS server ${nats.ws}; hosts now run on this browser. Press Run to run them there.`);
    // Handlers left on the NATS server went on printing the room's orders under "Hosts: browser".
    await publish('{"order":2,"from":"the room"}');
    await page.waitForTimeout(1500);
    expect(await consoleText(page)).not.toContain('"order":2');
    await page.screenshot({ path: test.info().outputPath('switched-to-browser.png') });

    await page.getByTestId('run').click();
    await expect(status).toContainText('2 serving', { timeout: 60_000 });
    await hostsOn(page, 'nats');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
    await expect(status).not.toContainText('serving');
    await expect.poll(() => consoleText(page)).toContain(`The guests ran on this browser; hosts now run on the NATS server ${nats.ws}. Press Run to run them there.`);

    await page.getByTestId('run').click();
    await expect(status).toContainText('2 serving', { timeout: 60_000 });
    await publish('{"order":3,"from":"the room"}');
    await expect.poll(() => consoleText(page)).toContain('{"order":3,"from":"the room"}');
  } finally {
    await outside.close();
  }
});
